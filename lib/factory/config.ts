/**
 * The run config of a ModelFactory fine-tuning run: what the wizard builds, what `POST /api/training-runs`
 * accepts, and what the trainer worker reads back from the run's row. Every field has a default, so `{ data:
 * { versions: [...] } }` is a complete launch; a preset (Quick, Balanced, Thorough) fills the method fields the
 * caller left out. The schema checks shape and bounds; what the base model allows (context length, target modules)
 * is baseModelIssues, given the base model its caller found; what needs the database is in validate.ts.
 */
import { z } from "zod";
import type { CatalogModel } from "@/lib/ml/catalog/types";
import { ATTENTION_MODULES, GPT2_MLP_MODULES, LLAMA_MLP_MODULES } from "@/lib/ml/model/param-names";
import type { BaseModelFacts } from "./base-models/registry";
import { columnMappingSchema } from "./columns";

/** What a run learns: next-token prediction on text, completions for prompts, or a label per text. */
export const TRAINING_TASKS = ["causal_lm", "instruction", "classification"] as const;
export type TrainingTask = (typeof TRAINING_TASKS)[number];

/** The task a Datanet's kind implies when the config names none. */
export const TASK_FOR_KIND = {
  text: "causal_lm",
  instruction: "instruction",
  labelled: "classification",
} as const satisfies Record<"text" | "instruction" | "labelled", TrainingTask>;

/** Every LoRA target module name of the engine, in module order. */
export const LORA_MODULES = [...ATTENTION_MODULES, ...GPT2_MLP_MODULES, ...LLAMA_MLP_MODULES] as const;
export type LoraModule = (typeof LORA_MODULES)[number];

/** The LoRA target modules a base model's family has (lib/ml's projection names). */
export function loraModulesOf(model: Pick<CatalogModel, "family">): readonly LoraModule[] {
  return [...ATTENTION_MODULES, ...(model.family === "gpt2" ? GPT2_MLP_MODULES : LLAMA_MLP_MODULES)];
}

export const DEFAULT_BASE_MODEL = "mf-prose-byte";

export const PRESET_NAMES = ["quick", "balanced", "thorough"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Method fields a preset sets. */
export interface PresetMethod {
  rank: number;
  alpha: number;
  dropout: number;
  targetModules: LoraModule[];
  epochs: number;
  learningRate: number;
  batchSize: number;
  gradientAccumulation: number;
  contextLength: number;
  warmupSteps: number;
  checkpointEvery: number;
}

/**
 * The presets. Quick trains a few dozen steps on a demo Datanet (300 rows, 10 % held out, batch 8: 34 steps);
 * Balanced twice the data passes at a higher rank; Thorough four passes over longer windows with the MLP too.
 * Target modules are the attention projections, which every family has.
 */
export interface Preset {
  label: string;
  description: string;
  method: PresetMethod;
  /**
   * What a classification run changes: the head starts from nothing, so it needs more passes than a language
   * model adapting to new text (measured on the spam demo: one Quick pass 53 % accuracy, three passes 93 %).
   */
  classification: Partial<PresetMethod>;
}

export const PRESETS: Record<PresetName, Preset> = {
  quick: {
    label: "Quick",
    description: "One pass over the data with a small adapter: a first result in a few minutes.",
    method: {
      rank: 8,
      alpha: 16,
      dropout: 0.05,
      targetModules: ["q", "k", "v", "o"],
      epochs: 1,
      learningRate: 0.002,
      batchSize: 8,
      gradientAccumulation: 1,
      contextLength: 128,
      warmupSteps: 4,
      checkpointEvery: 10,
    },
    classification: { epochs: 3 },
  },
  balanced: {
    label: "Balanced",
    description: "Two passes with a larger adapter: better quality for about twice the time.",
    method: {
      rank: 16,
      alpha: 32,
      dropout: 0.05,
      targetModules: ["q", "k", "v", "o"],
      epochs: 2,
      learningRate: 0.001,
      batchSize: 8,
      gradientAccumulation: 1,
      contextLength: 128,
      warmupSteps: 10,
      checkpointEvery: 20,
    },
    classification: { epochs: 5 },
  },
  thorough: {
    label: "Thorough",
    description: "Four passes over longer windows, adapting attention and the MLP: the best result, slowest.",
    method: {
      rank: 16,
      alpha: 32,
      dropout: 0.1,
      targetModules: ["q", "k", "v", "o", "fc", "proj"],
      epochs: 4,
      learningRate: 0.001,
      batchSize: 8,
      gradientAccumulation: 2,
      contextLength: 256,
      warmupSteps: 20,
      checkpointEvery: 25,
    },
    classification: { epochs: 8 },
  },
};

export const DEFAULT_PRESET: PresetName = "quick";

/** Bounds of every numeric field (also what the wizard's inputs allow). */
export const LIMITS = {
  versions: { min: 1, max: 8 },
  validationSplit: { min: 0, max: 0.5 },
  rank: { min: 1, max: 256 },
  alpha: { max: 1024 },
  dropout: { min: 0, max: 0.9 },
  epochs: { min: 1, max: 100 },
  learningRate: { max: 0.1 },
  batchSize: { min: 1, max: 256 },
  gradientAccumulation: { min: 1, max: 64 },
  contextLength: { min: 8 },
  warmupSteps: { min: 0, max: 10_000 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  checkpointEvery: { min: 1, max: 100_000 },
  name: { max: 100 },
} as const;

const int = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });

const versionRefSchema = z.object({
  datanetId: z.string({ error: "datanetId must be a Datanet id" }).trim().min(1, { error: "datanetId is required" }),
  version: int("version", 1, 1_000_000),
});

const methodSchema = (d: PresetMethod) =>
  z
    .object({
      rank: int("LoRA rank", LIMITS.rank.min, LIMITS.rank.max).default(d.rank),
      alpha: z
        .number({ error: "LoRA alpha must be a number" })
        .gt(0, { error: "LoRA alpha must be greater than 0" })
        .max(LIMITS.alpha.max, { error: `LoRA alpha must be at most ${LIMITS.alpha.max}` })
        .default(d.alpha),
      dropout: z
        .number({ error: "LoRA dropout must be a number" })
        .min(LIMITS.dropout.min, { error: `LoRA dropout must be at least ${LIMITS.dropout.min}` })
        .max(LIMITS.dropout.max, { error: `LoRA dropout must be at most ${LIMITS.dropout.max}` })
        .default(d.dropout),
      targetModules: z
        .array(z.enum(LORA_MODULES, { error: `LoRA target modules are named ${LORA_MODULES.join(", ")}` }))
        .min(1, { error: "LoRA needs at least one target module" })
        .default(d.targetModules),
      epochs: int("epochs", LIMITS.epochs.min, LIMITS.epochs.max).default(d.epochs),
      learningRate: z
        .number({ error: "learning rate must be a number" })
        .gt(0, { error: "learning rate must be greater than 0" })
        .max(LIMITS.learningRate.max, { error: `learning rate must be at most ${LIMITS.learningRate.max}` })
        .default(d.learningRate),
      batchSize: int("batch size", LIMITS.batchSize.min, LIMITS.batchSize.max).default(d.batchSize),
      gradientAccumulation: int(
        "gradient accumulation",
        LIMITS.gradientAccumulation.min,
        LIMITS.gradientAccumulation.max,
      ).default(d.gradientAccumulation),
      // The upper bound is the base model's context length (checked against the catalog below).
      contextLength: int("context length", LIMITS.contextLength.min, 1_000_000).default(d.contextLength),
      warmupSteps: int("warmup steps", LIMITS.warmupSteps.min, LIMITS.warmupSteps.max).default(d.warmupSteps),
      seed: int("seed", LIMITS.seed.min, LIMITS.seed.max).default(42),
      checkpointEvery: int("checkpoint interval", LIMITS.checkpointEvery.min, LIMITS.checkpointEvery.max).default(
        d.checkpointEvery,
      ),
    })
    .strict();

/** The schema without the preset step: every method default is the default preset's. */
const runConfigObject = z
  .object({
    baseModel: z
      .string({ error: "baseModel must be a catalog id or local/<name>" })
      .trim()
      .min(1, { error: "baseModel must not be empty" })
      .default(DEFAULT_BASE_MODEL),
    preset: z.enum(PRESET_NAMES, { error: `preset must be one of ${PRESET_NAMES.join(", ")}` }).optional(),
    name: z
      .string({ error: "name must be text" })
      .trim()
      .min(1, { error: "name must not be empty" })
      .max(LIMITS.name.max, { error: `name must be at most ${LIMITS.name.max} characters` })
      .optional(),
    data: z
      .object({
        versions: z
          .array(versionRefSchema)
          .min(LIMITS.versions.min, { error: "choose at least one published Datanet version" })
          .max(LIMITS.versions.max, { error: `at most ${LIMITS.versions.max} Datanet versions per run` }),
        task: z.enum(TRAINING_TASKS, { error: `task must be one of ${TRAINING_TASKS.join(", ")}` }).optional(),
        validationSplit: z
          .number({ error: "validation split must be a number" })
          .min(LIMITS.validationSplit.min, { error: `validation split must be at least ${LIMITS.validationSplit.min}` })
          .max(LIMITS.validationSplit.max, { error: `validation split must be at most ${LIMITS.validationSplit.max}` })
          .default(0.1),
        /** Which row fields feed which part of an example; each kind's default when left out (columns.ts). */
        columns: columnMappingSchema.optional(),
      })
      .strict(),
    method: methodSchema(PRESETS[DEFAULT_PRESET].method).prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.data.versions.forEach((ref, index) => {
      const key = `${ref.datanetId}@${ref.version}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["data", "versions", index],
          message: `version ${ref.version} of Datanet ${ref.datanetId} is listed twice`,
        });
      }
      seen.add(key);
    });
  });

/**
 * What a parsed config asks of its base model: a context length it has, and LoRA target modules its family has.
 * `base` is found by the caller (base-models/resolve.ts on the server: the catalog and DATA_DIR/checkpoints; the
 * wizard's cards in the browser); undefined gives `unknown` as the base model's issue.
 */
export function baseModelIssues(
  config: Pick<ParsedRunConfig, "baseModel" | "method">,
  base: BaseModelFacts | undefined,
  unknown: string,
): { path: string; message: string }[] {
  if (!base) return [{ path: "baseModel", message: unknown }];
  const issues: { path: string; message: string }[] = [];
  if (config.method.contextLength > base.contextLength) {
    issues.push({
      path: "method.contextLength",
      message: `context length must be at most ${base.contextLength}, the context length of ${base.id}`,
    });
  }
  const allowed = loraModulesOf(base);
  config.method.targetModules.forEach((module, index) => {
    if (!allowed.includes(module)) {
      issues.push({
        path: `method.targetModules.${index}`,
        message: `LoRA target module "${module}" does not exist in ${base.id} (${base.family}): choose from ${allowed.join(", ")}`,
      });
    }
  });
  return issues;
}

/** The method fields of a preset for a task (a classification run takes the preset's classification changes). */
export function presetMethod(name: PresetName, task?: TrainingTask | null): PresetMethod {
  const preset = PRESETS[name];
  const method = task === "classification" ? { ...preset.method, ...preset.classification } : preset.method;
  return { ...method, targetModules: [...method.targetModules] };
}

const isTask = (value: unknown): value is TrainingTask =>
  typeof value === "string" && (TRAINING_TASKS as readonly string[]).includes(value);

/**
 * A preset fills the method fields the caller left out; explicit fields win. The preset's values depend on the
 * task: the config's own, else `inferredTask` (what the first Datanet's kind implies, looked up by the caller).
 */
function applyPreset(input: unknown, inferredTask?: TrainingTask): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  const preset = record.preset;
  if (typeof preset !== "string" || !(PRESET_NAMES as readonly string[]).includes(preset)) return input;
  const method = record.method;
  if (method !== undefined && (typeof method !== "object" || method === null || Array.isArray(method))) return input;
  const data = record.data as { task?: unknown } | undefined;
  const task = isTask(data?.task) ? data.task : inferredTask;
  return { ...record, method: { ...presetMethod(preset as PresetName, task), ...(method as object | undefined) } };
}

/** The config schema with presets applied for `inferredTask` when the config names no task. */
export function runConfigSchemaFor(inferredTask?: TrainingTask | null) {
  return z.preprocess((input) => applyPreset(input, inferredTask ?? undefined), runConfigObject);
}

/** The launch API's config schema: preset applied, then every default filled and every bound checked. */
export const runConfigSchema = runConfigSchemaFor();

/** What a caller sends (every field optional except the data versions). */
export type RunConfigInput = z.input<typeof runConfigObject>;
/** A parsed config: defaults filled; task and name may still be open until validated against the database. */
export type ParsedRunConfig = z.output<typeof runConfigObject>;
/** The config stored on a run: task and name resolved. */
export type RunConfig = ParsedRunConfig & { name: string; data: ParsedRunConfig["data"] & { task: TrainingTask } };

/**
 * Parses a config (throws ZodError, which the API answers with 422 naming each field); a preset takes the values
 * for `inferredTask` when the config names no task.
 */
export function parseRunConfig(input: unknown, inferredTask?: TrainingTask | null): ParsedRunConfig {
  return runConfigSchemaFor(inferredTask).parse(input);
}

/** Examples the run trains on after holding out the validation split (at least one when there are rows). */
export function trainingRowCount(rows: number, validationSplit: number): number {
  if (rows <= 0) return 0;
  const held = Math.floor(rows * validationSplit);
  return Math.max(1, rows - held);
}

/**
 * Optimizer steps of a run: training examples × epochs over the examples one step consumes (batch ×
 * gradient accumulation), rounded up; at least 1. Computed from row counts: for causal LM the worker packs
 * rows into windows, so it may find a different number and update totalSteps when it starts.
 */
export function totalStepsFor(config: Pick<ParsedRunConfig, "data" | "method">, rows: number): number {
  const examples = trainingRowCount(rows, config.data.validationSplit);
  const perStep = config.method.batchSize * config.method.gradientAccumulation;
  return Math.max(1, Math.ceil((examples * config.method.epochs) / perStep));
}
