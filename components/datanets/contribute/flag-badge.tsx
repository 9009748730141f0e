import { CircleX, Copy, type LucideIcon, ShieldAlert, Shuffle } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import type { FlagTone } from "./flag-text";

const TONES: Record<FlagTone, { icon: LucideIcon; className: string; iconClass: string }> = {
  problem: { icon: CircleX, className: "border-destructive/30 bg-destructive/10", iconClass: "text-destructive" },
  warning: { icon: Copy, className: "border-token/40 bg-token/10", iconClass: "text-token" },
  notice: { icon: Shuffle, className: "border-step-1/35 bg-step-1/10", iconClass: "text-step-1" },
  privacy: { icon: ShieldAlert, className: "border-step-2/35 bg-step-2/10", iconClass: "text-step-2" },
};

/** A quality flag's badge; its colour and icon say how serious it is, its text says what it is. */
export function FlagBadge({ tone, label }: { tone: FlagTone; label: string }) {
  const { icon: Icon, className, iconClass } = TONES[tone];
  return (
    <span
      className={cn(
        "inline-flex w-fit min-w-0 max-w-full shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 font-medium text-foreground text-xs",
        className,
      )}
    >
      <Icon className={cn("size-3", iconClass)} aria-hidden="true" />
      {label}
    </span>
  );
}
