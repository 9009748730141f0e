import { ChevronDown, ChevronLeft, ChevronRight, ChevronUp, Coins } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { type FlowStep, flowSteps } from "./steps";

/**
 * The curate → train → serve → attribute → get paid loop as a diagram.
 * Below `lg` it runs top to bottom with the return loop on the right; from `lg` it runs left to right with the loop
 * underneath. Node sizes are fixed so the loop's arms land on the first and last node.
 */
export function FlowDiagram({ className }: { className?: string }) {
  return (
    <figure className={cn("relative", className)}>
      <figcaption className="sr-only">
        How ModelFactory works: data is curated, a model is trained on it, served, its answers are attributed, and the
        fees pay the contributors, who keep curating.
      </figcaption>
      <div className="relative pr-9 lg:pr-0">
        <ol className="flex flex-col lg:flex-row lg:items-start">
          {flowSteps.map((step, i) => (
            <li
              key={step.verb}
              className={cn("flex flex-col lg:flex-row", step.handsOn ? "lg:flex-1" : "lg:flex-none")}
            >
              <FlowNode step={step} index={i} />
              {step.handsOn ? <FlowConnector label={step.handsOn} /> : null}
            </li>
          ))}
        </ol>
        <ReturnLoopMobile />
      </div>
      <ReturnLoopDesktop />
    </figure>
  );
}

function FlowNode({ step, index }: { step: FlowStep; index: number }) {
  const Icon = step.icon;
  return (
    <div className="flex h-16 items-center gap-3 rounded-xl border bg-card px-3 shadow-xs lg:h-auto lg:w-36 lg:shrink-0 lg:flex-col lg:gap-2.5 lg:border-0 lg:bg-transparent lg:p-0 lg:text-center lg:shadow-none">
      <div
        className={cn(
          "flex size-10 shrink-0 items-center justify-center rounded-xl ring-1 ring-inset lg:size-14 lg:rounded-2xl lg:bg-card lg:shadow-sm",
          step.tone,
        )}
      >
        <Icon className="size-5 lg:size-6" aria-hidden="true" />
      </div>
      <div className="flex min-w-0 flex-col lg:items-center">
        <span className="font-mono text-[11px] text-muted-foreground uppercase tracking-wider">
          {String(index + 1).padStart(2, "0")} · {step.verb}
        </span>
        <span className="truncate font-semibold text-sm lg:whitespace-normal">{step.product}</span>
      </div>
    </div>
  );
}

const dashedY =
  "bg-[repeating-linear-gradient(180deg,currentColor_0_6px,transparent_6px_12px)] motion-safe:animate-flow-y";
const dashedX =
  "bg-[repeating-linear-gradient(90deg,currentColor_0_6px,transparent_6px_12px)] motion-safe:animate-flow-x";

function FlowConnector({ label }: { label: string }) {
  return (
    <div className="relative ml-8 h-12 text-muted-foreground/45 lg:-mx-7 lg:h-14 lg:min-w-0 lg:flex-1">
      {/* Vertical leg (mobile) */}
      <div aria-hidden="true" className={cn("absolute inset-y-1 left-0 w-0.5 -translate-x-1/2 lg:hidden", dashedY)} />
      <ChevronDown
        aria-hidden="true"
        className="absolute -bottom-1 left-0 size-4 -translate-x-1/2 text-muted-foreground/70 lg:hidden"
      />
      {/* Horizontal leg (desktop) */}
      <div
        aria-hidden="true"
        className={cn("absolute inset-x-1 top-1/2 hidden h-0.5 -translate-y-1/2 lg:block", dashedX)}
      />
      <ChevronRight
        aria-hidden="true"
        className="absolute top-1/2 -right-1 hidden size-4 -translate-y-1/2 text-muted-foreground/70 lg:block"
      />
      <span className="absolute top-1/2 left-4 -translate-y-1/2 whitespace-nowrap rounded-full border bg-background px-2 py-0.5 font-medium text-[11px] text-muted-foreground lg:top-auto lg:bottom-1/2 lg:left-1/2 lg:mb-2 lg:-translate-x-1/2 lg:translate-y-0">
        <span className="sr-only">hands on </span>
        {label}
      </span>
    </div>
  );
}

const loopLabel = (
  <>
    <Coins className="size-3.5 text-token" aria-hidden="true" />
    <span>
      <span className="sr-only">Then the loop closes: </span>OPEN back to contributors
    </span>
  </>
);

/** Right-hand bracket from the last node back up to the first (mobile). Nodes are h-16, so centres sit at 2rem. */
function ReturnLoopMobile() {
  return (
    <div className="absolute top-8 right-0 bottom-8 w-9 lg:hidden">
      <div
        aria-hidden="true"
        className="absolute inset-0 rounded-r-2xl border-2 border-token/45 border-l-0 border-dashed"
      />
      <ChevronLeft aria-hidden="true" className="absolute -top-[7px] -left-1.5 size-4 text-token" />
      <p className="absolute top-1/2 right-0 flex translate-x-1/2 -translate-y-1/2 rotate-180 items-center gap-1.5 whitespace-nowrap rounded-full border bg-background px-1 py-2 font-medium text-[11px] text-muted-foreground [writing-mode:vertical-rl]">
        {loopLabel}
      </p>
    </div>
  );
}

/** U-shaped bracket under the row, from the last node back to the first (desktop). Nodes are w-36: centres at 4.5rem. */
function ReturnLoopDesktop() {
  return (
    <div className="relative mx-[4.5rem] mt-3 hidden h-12 lg:block">
      <div
        aria-hidden="true"
        className="absolute inset-0 rounded-b-2xl border-2 border-token/45 border-t-0 border-dashed"
      />
      <ChevronUp aria-hidden="true" className="absolute -top-2 left-0 size-4 -translate-x-1/2 text-token" />
      <p className="absolute bottom-0 left-1/2 flex -translate-x-1/2 translate-y-1/2 items-center gap-1.5 whitespace-nowrap rounded-full border bg-background px-3 py-1 font-medium text-muted-foreground text-xs">
        {loopLabel}
      </p>
    </div>
  );
}
