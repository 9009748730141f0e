"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Stat } from "@/components/ui/stat";
import type { BaseModelCard } from "@/lib/factory/base-model-cards";
import { LIMITS, PRESET_NAMES, PRESETS, type PresetName, presetMethod } from "@/lib/factory/config";
import { TimeEstimate } from "./time-estimate";
import {
  type ConfigIssue,
  changedFromPreset,
  chosenRows,
  DEFAULT_SEED,
  effectiveTask,
  issueFor,
  plannedSteps,
  type WizardDraft,
  withPreset,
} from "./wizard-draft";

type NumericField = Exclude<keyof WizardDraft["method"], "targetModules">;

/** Every numeric method field with its plain-words meaning and input bounds. */
const FIELDS: { key: NumericField; label: string; about: string; min?: number; max?: number; step: number | "any" }[] =
  [
    {
      key: "rank",
      label: "LoRA rank",
      about: "How much the adapter can learn per layer: higher learns more, but is bigger and slower.",
      min: LIMITS.rank.min,
      max: LIMITS.rank.max,
      step: 1,
    },
    {
      key: "alpha",
      label: "LoRA alpha",
      about: "How strongly the adapter's changes count (alpha ÷ rank); twice the rank is usual.",
      max: LIMITS.alpha.max,
      step: "any",
    },
    {
      key: "dropout",
      label: "LoRA dropout",
      about: "Share of the adapter's inputs randomly switched off while training, against overfitting.",
      min: LIMITS.dropout.min,
      max: LIMITS.dropout.max,
      step: 0.01,
    },
    {
      key: "epochs",
      label: "Epochs",
      about: "How many times training reads the whole dataset.",
      min: LIMITS.epochs.min,
      max: LIMITS.epochs.max,
      step: 1,
    },
    {
      key: "learningRate",
      label: "Learning rate",
      about: "How big each update is: too high and training diverges, too low and it barely learns.",
      max: LIMITS.learningRate.max,
      step: "any",
    },
    {
      key: "batchSize",
      label: "Batch size",
      about: "Examples read together for one gradient.",
      min: LIMITS.batchSize.min,
      max: LIMITS.batchSize.max,
      step: 1,
    },
    {
      key: "gradientAccumulation",
      label: "Gradient accumulation",
      about: "Batches summed before each update: a larger effective batch without more memory.",
      min: LIMITS.gradientAccumulation.min,
      max: LIMITS.gradientAccumulation.max,
      step: 1,
    },
    {
      key: "contextLength",
      label: "Context length",
      about: "Longest example in tokens (bytes for these models); longer ones are cut.",
      min: LIMITS.contextLength.min,
      step: 1,
    },
    {
      key: "warmupSteps",
      label: "Warmup steps",
      about: "Steps over which the learning rate ramps up from zero, for a steady start.",
      min: LIMITS.warmupSteps.min,
      max: LIMITS.warmupSteps.max,
      step: 1,
    },
    {
      key: "seed",
      label: "Seed",
      about: "Fixes the shuffling and the adapter's first weights: the same config trains the same way.",
      min: LIMITS.seed.min,
      max: LIMITS.seed.max,
      step: 1,
    },
    {
      key: "checkpointEvery",
      label: "Checkpoint every (steps)",
      about: "How often progress is saved: an interrupted run resumes from the last checkpoint.",
      min: LIMITS.checkpointEvery.min,
      max: LIMITS.checkpointEvery.max,
      step: 1,
    },
  ];

type MethodStepProps = {
  draft: WizardDraft;
  base: BaseModelCard | undefined;
  update: (change: Partial<WizardDraft>) => void;
  replace: (draft: WizardDraft) => void;
  issues: ConfigIssue[];
};

/** Step 3: a preset, then every LoRA and training field, explained and defaulted; the run's step count. */
export function MethodStep({ draft, base, update, replace, issues }: MethodStepProps) {
  const preset = PRESETS[draft.preset];
  const changed = changedFromPreset(draft);
  const steps = plannedSteps(draft);
  const setField = (key: NumericField, value: number) => update({ method: { ...draft.method, [key]: value } });
  const toggleModule = (module: (typeof draft.method.targetModules)[number], on: boolean) => {
    const modules = base?.loraModules ?? [];
    const next = on ? [...draft.method.targetModules, module] : draft.method.targetModules.filter((m) => m !== module);
    // Keep the engine's module order, so the config reads the same however the boxes were ticked.
    const ordered = [...modules.filter((m) => next.includes(m)), ...next.filter((m) => !modules.includes(m))];
    update({ method: { ...draft.method, targetModules: ordered } });
  };
  const task = effectiveTask(draft);
  const presetValues = presetMethod(draft.preset, task);
  const defaultOf = (key: NumericField) => (key === "seed" ? DEFAULT_SEED : presetValues[key]);

  return (
    <div className="grid gap-8">
      <section aria-labelledby="preset-heading" className="grid gap-3">
        <div className="grid gap-1">
          <h2 id="preset-heading" className="font-semibold text-lg">
            Preset
          </h2>
          <p className="text-muted-foreground text-sm">
            A preset fills every field below; change any of them afterwards.
            {changed.length > 0 ? ` Changed from ${preset.label}: ${changed.length} field(s).` : ""}
          </p>
        </div>
        <RadioGroup
          value={draft.preset}
          onValueChange={(next) => replace(withPreset(draft, next as PresetName))}
          aria-labelledby="preset-heading"
          className="grid gap-3 md:grid-cols-3"
        >
          {PRESET_NAMES.map((name) => {
            const id = `preset-${name}`;
            return (
              <Label
                key={name}
                htmlFor={id}
                className="flex cursor-pointer flex-col items-stretch gap-1.5 rounded-xl border bg-card p-4 font-normal shadow-xs transition-[border-color,box-shadow] hover:border-primary/40 has-data-[state=checked]:border-primary has-data-[state=checked]:ring-[3px] has-data-[state=checked]:ring-primary/15"
              >
                <span className="flex items-center gap-2.5">
                  <RadioGroupItem value={name} id={id} />
                  <span className="font-medium">{PRESETS[name].label}</span>
                </span>
                <span className="text-muted-foreground text-xs leading-relaxed">
                  {PRESETS[name].description}
                  {task === "classification" && PRESETS[name].classification.epochs
                    ? ` For a classifier: ${PRESETS[name].classification.epochs} passes, since its label head starts untrained.`
                    : ""}
                </span>
              </Label>
            );
          })}
        </RadioGroup>
      </section>

      <section aria-labelledby="fields-heading" className="grid gap-4">
        <h2 id="fields-heading" className="font-semibold text-lg">
          LoRA and training settings
        </h2>
        <div className="grid gap-x-6 gap-y-5 sm:grid-cols-2 lg:grid-cols-3">
          {FIELDS.map((field) => {
            const value = draft.method[field.key];
            const max = field.key === "contextLength" ? base?.contextLength : field.max;
            return (
              <Field
                key={field.key}
                label={field.label}
                description={
                  <>
                    {field.about} <span className="whitespace-nowrap">Default: {defaultOf(field.key)}.</span>
                  </>
                }
                error={issueFor(issues, `method.${field.key}`)}
              >
                <Input
                  type="number"
                  inputMode={field.step === 1 ? "numeric" : "decimal"}
                  step={field.step}
                  min={field.min}
                  max={max}
                  value={Number.isFinite(value) ? value : ""}
                  onChange={(event) => setField(field.key, event.target.valueAsNumber)}
                />
              </Field>
            );
          })}
        </div>
        <fieldset className="grid gap-2" aria-describedby="modules-about">
          <legend className="mb-1 font-medium text-sm">LoRA target modules</legend>
          <p id="modules-about" className="text-muted-foreground text-xs leading-relaxed">
            The layers that get an adapter: attention projections q, k, v, o learn what to attend to; the MLP
            projections learn what to write. More modules learn more and train slower. Default:{" "}
            {preset.method.targetModules.join(", ")}.
          </p>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {(base?.loraModules ?? []).map((module) => {
              const id = `module-${module}`;
              return (
                <div key={module} className="flex items-center gap-2">
                  <Checkbox
                    id={id}
                    checked={draft.method.targetModules.includes(module)}
                    onCheckedChange={(on) => toggleModule(module, on === true)}
                  />
                  <Label htmlFor={id} className="font-mono">
                    {module}
                  </Label>
                </div>
              );
            })}
          </div>
          {issueFor(issues, "method.targetModules") ? (
            <p role="alert" className="text-destructive text-sm">
              {issueFor(issues, "method.targetModules")}
            </p>
          ) : null}
        </fieldset>
      </section>

      <section aria-label="Run size" className="grid gap-3 sm:grid-cols-2">
        <Stat
          label="Total steps"
          value={steps ?? "—"}
          hint={
            steps === null
              ? "Shown once the data and settings are valid."
              : `${chosenRows(draft).toLocaleString("en")} rows × ${draft.method.epochs} epoch(s) ÷ (batch ${draft.method.batchSize} × accumulation ${draft.method.gradientAccumulation}), after the validation split. Text Datanets are packed into windows, so the trainer may settle on another count.`
          }
        />
        <TimeEstimate draft={draft} base={base} />
      </section>
    </div>
  );
}
