"use client";

import { Loader2, type LucideIcon, Square } from "lucide-react";
import { Button } from "@/components/ui/button";

type StreamButtonsProps = {
  /** The action's name and icon ("Generate", "Send"). */
  label: string;
  icon: LucideIcon;
  streaming: boolean;
  disabled: boolean;
  onStart: () => void;
  onStop: () => void;
};

/** Starts a streamed answer, and stops it while it streams: the playground's complete and chat modes. */
export function StreamButtons({ label, icon: Icon, streaming, disabled, onStart, onStop }: StreamButtonsProps) {
  return (
    <>
      <Button onClick={onStart} disabled={streaming || disabled}>
        {streaming ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Icon aria-hidden="true" />}
        {label}
      </Button>
      {streaming ? (
        <Button variant="outline" onClick={onStop}>
          <Square aria-hidden="true" />
          Stop
        </Button>
      ) : null}
    </>
  );
}
