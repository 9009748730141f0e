"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { BaseModelCard } from "@/lib/factory/base-model-cards";
import { LIMITS, PRESETS } from "@/lib/factory/config";
import { TASK_LABELS } from "./format";
import { JsonBlock } from "./json-block";
import {
  type ConfigIssue,
  draftToConfig,
  effectiveTask,
  issueFor,
  plannedSteps,
  stepOfPath,
  type WizardDraft,
} from "./wizard-draft";

const STEP_NAMES = ["Base model", "Data", "Method", "Review"];

type ReviewStepProps = {
  draft: WizardDraft;
  base: BaseModelCard | undefined;
  update: (change: Partial<WizardDraft>) => void;
  issues: ConfigIssue[];
  goTo: (step: number) => void;
};

/** Step 4: a summary, the run's name, and the whole config as JSON: the same body launches a run through the API. */
export function ReviewStep({ draft, base, update, issues, goTo }: ReviewStepProps) {
  const config = draftToConfig(draft);
  const task = effectiveTask(draft);
  const steps = plannedSteps(draft);
  const elsewhere = issues.filter((issue) => stepOfPath(issue.path) !== 3);
  return (
    <div className="grid gap-6">
      {elsewhere.length > 0 ? (
        <div role="alert" className="grid gap-1 rounded-lg border border-destructive/30 bg-destructive/5 p-3 text-sm">
          <p className="font-medium text-destructive">Fix these before launching</p>
          <ul className="grid gap-1">
            {elsewhere.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <button
                  type="button"
                  className="text-left underline-offset-4 hover:underline"
                  onClick={() => goTo(stepOfPath(issue.path))}
                >
                  {STEP_NAMES[stepOfPath(issue.path)]}: {issue.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <section aria-labelledby="review-heading" className="grid gap-4">
        <h2 id="review-heading" className="font-semibold text-lg">
          Review and launch
        </h2>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div className="grid gap-0.5">
            <dt className="text-muted-foreground text-xs">Base model</dt>
            <dd className="font-medium">{base?.title ?? draft.baseModel}</dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-muted-foreground text-xs">Data</dt>
            <dd className="font-medium">
              {draft.versions.map((v) => `${v.datanetName} v${v.version}`).join(", ") || "—"}
            </dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-muted-foreground text-xs">Task</dt>
            <dd className="font-medium">{task ? TASK_LABELS[task] : "—"}</dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-muted-foreground text-xs">Method</dt>
            <dd className="font-medium">
              {PRESETS[draft.preset].label} preset · rank {draft.method.rank} · {steps ?? "—"} steps
            </dd>
          </div>
        </dl>
        <Field
          label="Run name"
          description="Optional: left empty, the run is named after its data and base model."
          error={issueFor(issues, "name")}
        >
          <Input
            value={draft.name}
            maxLength={LIMITS.name.max}
            placeholder="e.g. Spam filter, first try"
            onChange={(event) => update({ name: event.target.value })}
          />
        </Field>
      </section>
      <section aria-labelledby="config-heading" className="grid gap-2">
        <h3 id="config-heading" className="font-medium text-sm">
          Run config
        </h3>
        <p className="text-muted-foreground text-xs leading-relaxed">
          This JSON is the whole run: sending it as the body of{" "}
          <code className="font-mono">POST /api/training-runs</code> (signed in) launches the same run without the
          wizard.
        </p>
        <JsonBlock value={config} label="run config JSON" />
      </section>
    </div>
  );
}
