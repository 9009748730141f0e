"use client";

import { LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { CheckStep } from "./check-progress";
import { formatSize } from "./file-rules";

export type TransferPhase =
  | { phase: "uploading"; loaded: number; total: number }
  /** The server at work: with its step when it reports one (a determinate bar when the step's length is known). */
  | { phase: "working"; step?: CheckStep };

/**
 * An upload's progress bar (bytes sent), then the server's: determinate when it reports how far it is, otherwise
 * indeterminate. Each step is announced politely to screen readers (not every count); with a cancel button when
 * the caller can stop it.
 */
export function TransferProgress({
  state,
  uploadingLabel,
  workingLabel,
  onCancel,
}: {
  state: TransferPhase;
  uploadingLabel: string;
  workingLabel: string;
  onCancel?: () => void;
}) {
  const percent =
    state.phase === "uploading" && state.total > 0 ? Math.min(100, Math.round((100 * state.loaded) / state.total)) : 0;
  const step = state.phase === "working" ? state.step : undefined;
  const label = state.phase === "uploading" ? uploadingLabel : (step?.step ?? workingLabel);
  const shown = state.phase === "uploading" ? `${uploadingLabel} ${percent}%` : (step?.label ?? workingLabel);
  return (
    <div className="grid gap-2 rounded-xl border bg-card p-4 shadow-xs">
      <div className="flex items-center justify-between gap-3">
        <p className="sr-only" aria-live="polite">
          {label}
        </p>
        <p className="flex min-w-0 items-center gap-2 font-medium text-sm" aria-hidden="true">
          <LoaderCircle
            className="size-4 shrink-0 animate-spin text-primary motion-reduce:animate-none"
            aria-hidden="true"
          />
          <span className="truncate tabular-nums">{shown}</span>
        </p>
        {onCancel ? (
          <Button size="sm" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
      {state.phase === "uploading" ? (
        <>
          <Progress value={percent} aria-label={uploadingLabel} />
          <p className="text-muted-foreground text-xs tabular-nums">
            {formatSize(state.loaded)} of {state.total > 0 ? formatSize(state.total) : "…"} sent
          </p>
        </>
      ) : step && step.percent !== null ? (
        <Progress value={step.percent} aria-label={step.step} />
      ) : (
        <Progress indeterminate aria-label={label} />
      )}
    </div>
  );
}
