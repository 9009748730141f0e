import { CheckIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export type StepperStep = { label: string; description?: ReactNode };

type StepperProps = {
  steps: StepperStep[];
  /** The step being worked on, 0-based; the ones before it show as complete. */
  current: number;
  /** Names the list of steps; "Progress" by default. */
  label?: string;
  className?: string;
};

/** A wizard's step indicator: numbered steps in a row, folding to "Step 2 of 4 · Label" on narrow screens. */
export function Stepper({ steps, current, label = "Progress", className }: StepperProps) {
  const index = Math.min(Math.max(0, current), steps.length - 1);
  const step = steps[index];
  return (
    <div data-slot="stepper" className={cn("w-full", className)}>
      <div className="flex flex-col gap-2 sm:hidden">
        <p className="flex items-baseline gap-2 text-sm">
          <span className="font-medium text-primary">
            Step {index + 1} of {steps.length}
          </span>
          <span aria-hidden="true" className="text-muted-foreground">
            ·
          </span>
          <span className="truncate font-medium">{step?.label}</span>
        </p>
        <div className="flex gap-1" aria-hidden="true">
          {steps.map((s, i) => (
            <span key={s.label} className={cn("h-1 flex-1 rounded-full", i <= index ? "bg-primary" : "bg-muted")} />
          ))}
        </div>
      </div>
      <ol aria-label={label} className="hidden items-start sm:flex">
        {steps.map((s, i) => {
          const state = i < index ? "complete" : i === index ? "current" : "upcoming";
          return (
            <li
              key={s.label}
              data-state={state}
              aria-current={state === "current" ? "step" : undefined}
              className="group relative flex flex-1 flex-col items-center gap-2 px-2 text-center"
            >
              {i > 0 ? (
                <span
                  aria-hidden="true"
                  className={cn(
                    "absolute top-4 right-[calc(50%+1.25rem)] left-[calc(-50%+1.25rem)] h-0.5 -translate-y-1/2 rounded-full",
                    i <= index ? "bg-primary" : "bg-border",
                  )}
                />
              ) : null}
              <span className="flex size-8 items-center justify-center rounded-full border-2 font-semibold text-sm tabular-nums transition-colors group-data-[state=complete]:border-primary group-data-[state=current]:border-primary group-data-[state=upcoming]:border-border group-data-[state=complete]:bg-primary group-data-[state=current]:bg-background group-data-[state=upcoming]:bg-background group-data-[state=complete]:text-primary-foreground group-data-[state=current]:text-primary group-data-[state=upcoming]:text-muted-foreground group-data-[state=current]:ring-4 group-data-[state=current]:ring-primary/15">
                {state === "complete" ? <CheckIcon className="size-4" strokeWidth={3} aria-hidden="true" /> : i + 1}
              </span>
              <span className="flex flex-col gap-0.5">
                <span className="font-medium text-sm group-data-[state=upcoming]:text-muted-foreground">
                  {s.label}
                  <span className="sr-only">
                    {state === "complete" ? " (complete)" : state === "current" ? " (current)" : ""}
                  </span>
                </span>
                {s.description ? <span className="text-muted-foreground text-xs">{s.description}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
