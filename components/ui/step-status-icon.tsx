import { Check, Circle, LoaderCircle, X } from "lucide-react";
import { cn } from "@/lib/utils/cn";

/** Where one step of a multi-step operation (a transaction's lifecycle) stands. */
export type StepState = "waiting" | "running" | "done" | "failed";

/** The round marker of a step: a check, a cross, a spinner or a dot. Decorative: say the state in text too. */
export function StepStatusIcon({ state, className }: { state: StepState; className?: string }) {
  return (
    <span
      className={cn(
        "flex size-5 shrink-0 items-center justify-center rounded-full border",
        state === "done" && "border-primary/30 bg-accent text-primary",
        state === "failed" && "border-destructive/30 bg-destructive/10 text-destructive",
        state === "running" && "border-primary/30 text-primary",
        state === "waiting" && "text-muted-foreground/60",
        className,
      )}
      aria-hidden="true"
    >
      {state === "done" ? (
        <Check className="size-3" />
      ) : state === "failed" ? (
        <X className="size-3" />
      ) : state === "running" ? (
        <LoaderCircle className="size-3 animate-spin" />
      ) : (
        <Circle className="size-1.5 fill-current" />
      )}
    </span>
  );
}
