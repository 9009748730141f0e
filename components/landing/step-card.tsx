import { Check } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import type { FlowStep } from "./steps";

export function StepCard({ step, index }: { step: FlowStep; index: number }) {
  const Icon = step.icon;
  return (
    <article className="group relative flex flex-col rounded-2xl border bg-card p-6 shadow-xs transition-shadow hover:shadow-md">
      <div className="flex items-center justify-between gap-3">
        <div className={cn("flex size-11 items-center justify-center rounded-xl ring-1 ring-inset", step.tone)}>
          <Icon className="size-5" aria-hidden="true" />
        </div>
        <span className="font-mono text-muted-foreground text-xs uppercase tracking-wider">
          {String(index + 1).padStart(2, "0")} · {step.verb}
        </span>
      </div>
      <p className="mt-5 font-medium text-muted-foreground text-sm">{step.product}</p>
      <h3 className="mt-1 font-semibold text-lg tracking-tight">{step.title}</h3>
      <p className="mt-2 text-pretty text-muted-foreground text-sm leading-relaxed">{step.description}</p>
      <ul className="mt-5 flex flex-col gap-2 border-t pt-4 text-sm">
        {step.points.map((point) => (
          <li key={point} className="flex items-start gap-2">
            <Check className={cn("mt-0.5 size-4 shrink-0", step.text)} aria-hidden="true" />
            <span>{point}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
