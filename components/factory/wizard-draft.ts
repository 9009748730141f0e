import { z } from "zod";
import type { BaseModelFacts } from "@/lib/factory/base-models/registry";
import {
  type ColumnMapping,
  checkColumnsForTask,
  columnMappingSchema,
  columnsFor,
  tasksForKinds,
} from "@/lib/factory/columns";
import {
  baseModelIssues,
  DEFAULT_BASE_MODEL,
  DEFAULT_PRESET,
  LORA_MODULES,
  PRESET_NAMES,
  PRESETS,
  type PresetMethod,
  type PresetName,
  presetMethod,
  type RunConfigInput,
  runConfigSchema,
  TASK_FOR_KIND,
  TRAINING_TASKS,
  type TrainingTask,
  totalStepsFor,
} from "@/lib/factory/config";

type DatanetKind = keyof typeof TASK_FOR_KIND;

/** A chosen Datanet version, with what the wizard shows of it (only datanetId and version reach the config). */
export interface ChosenVersion {
  datanetId: string;
  datanetName: string;
  datanetSlug: string;
  kind: DatanetKind;
  version: number;
  rowCount: number;
  merkleRoot: string;
}

/** The wizard's state: what a reload brings back. */
export interface WizardDraft {
  step: number;
  baseModel: string;
  versions: ChosenVersion[];
  /** null: the task the first Datanet's kind implies. */
  task: TrainingTask | null;
  validationSplit: number;
  /** The run's own column mapping; null: each Datanet kind's default for the task. */
  columns: ColumnMapping | null;
  /** The preset last applied; the method fields may have been changed since. */
  preset: PresetName;
  method: PresetMethod & { seed: number };
  name: string;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_VALIDATION_SPLIT = 0.1;

/** A fresh wizard: the default base model, no data, the Quick preset. */
export function emptyDraft(): WizardDraft {
  return {
    step: 0,
    baseModel: DEFAULT_BASE_MODEL,
    versions: [],
    task: null,
    validationSplit: DEFAULT_VALIDATION_SPLIT,
    columns: null,
    preset: DEFAULT_PRESET,
    method: {
      ...PRESETS[DEFAULT_PRESET].method,
      targetModules: [...PRESETS[DEFAULT_PRESET].method.targetModules],
      seed: DEFAULT_SEED,
    },
    name: "",
  };
}

/** The localStorage key of a user's draft: one per wallet address, so accounts sharing a browser keep theirs. */
export function draftKey(address: string): string {
  return `modelfactory.factory.wizardDraft.${address.toLowerCase()}`;
}

// Numbers may be null in storage (JSON writes NaN, a cleared input, as null): kept as NaN for the form to flag.
const num = z.union([z.number(), z.null()]).transform((n) => (n === null ? Number.NaN : n));
const storedDraftSchema = z.object({
  step: z.number().int().min(0).max(3),
  baseModel: z.string(),
  versions: z.array(
    z.object({
      datanetId: z.string(),
      datanetName: z.string(),
      datanetSlug: z.string(),
      kind: z.enum(["text", "instruction", "labelled"]),
      version: z.number().int(),
      rowCount: z.number(),
      merkleRoot: z.string(),
    }),
  ),
  task: z.enum(TRAINING_TASKS).nullable(),
  validationSplit: num,
  // Drafts saved before column mapping existed have none: automatic.
  columns: columnMappingSchema.nullable().default(null),
  preset: z.enum(PRESET_NAMES),
  method: z.object({
    rank: num,
    alpha: num,
    dropout: num,
    targetModules: z.array(z.enum(LORA_MODULES)),
    epochs: num,
    learningRate: num,
    batchSize: num,
    gradientAccumulation: num,
    contextLength: num,
    warmupSteps: num,
    seed: num,
    checkpointEvery: num,
  }),
  name: z.string(),
});

/** A stored draft, or null when there is none or it no longer has the wizard's shape. */
export function restoreDraft(saved: unknown): WizardDraft | null {
  const parsed = storedDraftSchema.safeParse(saved);
  return parsed.success ? parsed.data : null;
}

/** The method fields of a preset for the draft's task, with the draft's seed kept. */
export function withPreset(draft: WizardDraft, preset: PresetName): WizardDraft {
  return { ...draft, preset, method: { ...presetMethod(preset, effectiveTask(draft)), seed: draft.method.seed } };
}

/** Method fields changed since the preset was applied (for the draft's task). */
export function changedFromPreset(draft: WizardDraft): (keyof PresetMethod)[] {
  const preset = presetMethod(draft.preset, effectiveTask(draft));
  return (Object.keys(preset) as (keyof PresetMethod)[]).filter((field) =>
    field === "targetModules"
      ? [...preset.targetModules].sort().join() !== [...draft.method.targetModules].sort().join()
      : preset[field] !== draft.method[field],
  );
}

/**
 * A change to the draft. When it changes the task and the method is still exactly the preset's, the preset's
 * values follow the new task (a classifier takes more passes); a method changed by hand stays as it is.
 */
export function applyChange(draft: WizardDraft, change: Partial<WizardDraft>): WizardDraft {
  const next = { ...draft, ...change };
  if (change.method || effectiveTask(next) === effectiveTask(draft) || changedFromPreset(draft).length > 0) return next;
  return withPreset(next, next.preset);
}

/** Tasks every chosen Datanet's kind can train (all three before any is chosen). */
export function compatibleTasks(kinds: readonly DatanetKind[]): TrainingTask[] {
  return tasksForKinds(kinds);
}

/** The mapping the first chosen version trains with: the draft's own, else its kind's default. */
export function effectiveColumns(draft: WizardDraft): ColumnMapping | null {
  const task = effectiveTask(draft);
  const first = draft.versions[0];
  return task && first ? columnsFor(task, first.kind, draft.columns ?? undefined) : null;
}

/** The task a run will train: the one chosen, else the one the first Datanet's kind implies. */
export function effectiveTask(draft: WizardDraft): TrainingTask | null {
  if (draft.task) return draft.task;
  const first = draft.versions[0];
  return first ? TASK_FOR_KIND[first.kind] : null;
}

/**
 * The run config the draft launches: what POST /api/training-runs receives and the review step shows. The task is
 * sent only when chosen by hand; the name only when given.
 */
export function draftToConfig(draft: WizardDraft): RunConfigInput {
  const name = draft.name.trim();
  return {
    ...(name ? { name } : {}),
    baseModel: draft.baseModel,
    preset: draft.preset,
    data: {
      versions: draft.versions.map(({ datanetId, version }) => ({ datanetId, version })),
      ...(draft.task ? { task: draft.task } : {}),
      validationSplit: draft.validationSplit,
      ...(draft.columns ? { columns: draft.columns } : {}),
    },
    method: { ...draft.method, targetModules: [...draft.method.targetModules] },
  };
}

/** A problem with the config, by the path the API would name it with ("method.rank"). */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * The draft checked as the launch API checks it, as far as the browser can: its schema, the chosen base model's
 * context length and modules (`base`: its card; undefined when the draft names a model no card shows), and the
 * column mapping against the task. The database's checks come from the server (use-run-check.ts).
 */
export function checkDraft(draft: WizardDraft, base: BaseModelFacts | undefined): ConfigIssue[] {
  const parsed = runConfigSchema.safeParse(draftToConfig(draft));
  const issues = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ path: issue.path.join(".") || "(config)", message: issue.message }))),
    ...baseModelIssues(draft, base, `base model "${draft.baseModel}" is not available here: choose one of the cards`),
  ];
  const task = effectiveTask(draft);
  // The mapping's fit to the task, which the API checks once the task is resolved.
  if (task && draft.columns) issues.push(...checkColumnsForTask(task, draft.columns));
  return issues;
}

/** The wizard step a config path belongs to: 0 base model, 1 data, 2 method, 3 review. */
export function stepOfPath(path: string): number {
  if (path === "baseModel" || path.startsWith("baseModel.")) return 0;
  if (path === "data" || path.startsWith("data.")) return 1;
  if (path === "preset" || path === "method" || path.startsWith("method.")) return 2;
  return 3;
}

/** The first issue about `field` or anything under it ("method.targetModules" also gets "method.targetModules.2"). */
export function issueFor(issues: readonly ConfigIssue[], field: string): string | undefined {
  return issues.find((issue) => issue.path === field || issue.path.startsWith(`${field}.`))?.message;
}

/** Rows the chosen versions hold together. */
export function chosenRows(draft: WizardDraft): number {
  return draft.versions.reduce((sum, v) => sum + v.rowCount, 0);
}

/**
 * Optimizer steps of the run, by lib/factory's own formula (totalStepsFor), or null while the config is invalid or no
 * data is chosen. For causal LM the worker packs rows into windows and may settle on another number when it starts.
 */
export function plannedSteps(draft: WizardDraft): number | null {
  if (draft.versions.length === 0) return null;
  const parsed = runConfigSchema.safeParse(draftToConfig(draft));
  return parsed.success ? totalStepsFor(parsed.data, chosenRows(draft)) : null;
}
