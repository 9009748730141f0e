"use client";

import { Loader2, Timer } from "lucide-react";
import type { BaseModelFacts } from "@/lib/factory/base-models/registry";
import { formatDuration } from "./format";
import { useRunCheck } from "./use-run-check";
import type { WizardDraft } from "./wizard-draft";

/**
 * The wizard's time and memory estimate: asked of the server (which knows the throughput an earlier run of
 * the same base model measured on this deployment's trainers) once the settings are valid and stop changing.
 */
export function TimeEstimate({ draft, base }: { draft: WizardDraft; base: BaseModelFacts | undefined }) {
  const { valid, query } = useRunCheck(draft, base);
  const estimate = query.data?.estimate;
  return (
    <div className="flex gap-3 rounded-xl border border-dashed p-4" aria-live="polite">
      {query.isFetching ? (
        <Loader2 className="mt-0.5 size-4 shrink-0 animate-spin text-muted-foreground" aria-hidden="true" />
      ) : (
        <Timer className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      )}
      <div className="grid gap-1">
        {estimate ? (
          <>
            <p className="font-medium text-sm">
              Time estimate: about {formatDuration(estimate.seconds)}
              <span className="font-normal text-muted-foreground"> · memory ≈ {estimate.memoryMiB} MiB</span>
            </p>
            <p className="text-muted-foreground text-xs leading-relaxed">
              {estimate.totalSteps.toLocaleString("en")} steps at{" "}
              {Math.round(estimate.tokensPerSecond).toLocaleString("en")} tokens/s, the throughput “
              {estimate.basedOn.name}” measured on this machine, plus {formatDuration(estimate.overheadSeconds)} of
              loading and evaluation as it took.{" "}
              {estimate.measuredMemoryMiB === null
                ? "Memory is a formula (weights, adapter and optimizer state, activations)."
                : `Memory: that run's trainer peaked at ${estimate.measuredMemoryMiB.toLocaleString("en")} MiB, scaled to these settings.`}
            </p>
          </>
        ) : query.isError ? (
          <>
            <p className="font-medium text-sm">Time estimate unavailable</p>
            <p className="text-destructive text-xs">{query.error.message}</p>
          </>
        ) : (
          <>
            <p className="font-medium text-sm">Time estimate: not measured yet</p>
            <p className="text-muted-foreground text-xs leading-relaxed">
              {valid
                ? "No run of this base model has finished on this machine yet: the first one measures the trainers' throughput, and later runs are estimated from it. The run page shows tokens per second and time remaining once training starts."
                : "Shown once the data and settings are valid."}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
