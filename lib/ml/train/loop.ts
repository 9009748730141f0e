import type * as tf from "@tensorflow/tfjs";
import { mixSeeds } from "../kernels/random";
import type { LoraAdapter } from "../lora/adapter";
import type { ModelConfig } from "../model/config";
import type { ReadonlyParams } from "../model/params";
import { AdamW, type AdamWOptions } from "./adamw";
import type { BatchSource, TrainBatch } from "./batch";
import { type Checkpoint, restoreWeights, snapshotWeights } from "./checkpoint";
import { clipByGlobalNorm } from "./clip";
import { accumulateGradients, type StepGradients } from "./gradients";
import { type Evaluation, evaluate, type LossModel } from "./loss";
import { learningRateAt, type ScheduleOptions } from "./schedule";

/** What onStep reports after each optimizer step. */
export interface StepReport {
  /** 1-based step just completed. */
  step: number;
  totalSteps: number;
  /** Mean training loss of the step's batches. */
  loss: number;
  learningRate: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  /** Token positions per second over this step. */
  tokensPerSecond: number;
  /** Milliseconds since train() started. */
  elapsedMs: number;
}

/** What onEval reports after each validation pass: the task's evaluation, the step and the best loss so far. */
export type EvalReport<E extends Evaluation = Evaluation> = E & {
  step: number;
  /** Best validation loss so far (this one included). */
  best: number;
};

/** Callbacks: the caller decides how to report; each may be async (the loop awaits it). */
export interface TrainCallbacks<E extends Evaluation = Evaluation> {
  onStep?: (report: StepReport) => void | Promise<void>;
  onEval?: (report: EvalReport<E>) => void | Promise<void>;
  /** A checkpoint as plain data; saveCheckpoint turns it into safetensors bytes. */
  onCheckpoint?: (checkpoint: Checkpoint) => void | Promise<void>;
}

/** Options of {@link train}; `B` is the kind of batch and `E` what validation reports. */
export interface TrainOptions<B = TrainBatch, E extends Evaluation = Evaluation> {
  /** The model's weights (base weights when training an adapter). */
  params: ReadonlyParams;
  config: ModelConfig;
  /** A LoRA adapter: when given, only its variables train and the base weights stay frozen. */
  adapter?: LoraAdapter;
  /** Variables to train; default: the adapter's, or else every variable of `params`. */
  trainable?: ReadonlyMap<string, tf.Variable>;
  data: BatchSource<B>;
  /** Total optimizer steps of the run (also the schedule's length unless schedule.totalSteps says otherwise). */
  steps: number;
  /** Peak learning rate, warmup and floor of the warmup + cosine schedule. */
  schedule: Omit<ScheduleOptions, "totalSteps"> & { totalSteps?: number };
  optimizer?: AdamWOptions;
  /** Clip gradients to this global norm (default: no clipping). */
  clipNorm?: number;
  /** Micro-batches per optimizer step (gradient accumulation; default 1). */
  accumulation?: number;
  callbacks?: TrainCallbacks<E>;
  /** Aborting stops the run between steps; the summary's status is "cancelled". */
  signal?: AbortSignal;
  /**
   * Calls onCheckpoint every this many steps, and once more on cancellation when steps were done since the
   * last one (so a cancelled run can be resumed); never when unset.
   */
  checkpointEvery?: number;
  /** Held-out batches evaluated every `every` steps (and after the last step); `patience` enables early stopping. */
  validation?: { batches: readonly B[]; every: number; patience?: number; minDelta?: number };
  /** Seed of the run: dropout masks are derived from it and the step. */
  seed: number;
  /** Resumes from a checkpoint: weights, optimizer, data position, step and early-stopping state. */
  resume?: Checkpoint;
}

/** How a run ended and what it did. */
export interface TrainSummary<E extends Evaluation = Evaluation> {
  status: "completed" | "cancelled" | "early-stopped";
  /** Steps completed, counting those before a resume. */
  steps: number;
  /** Training loss of each step run by this call, in order. */
  losses: number[];
  /** Loss of the last step run (NaN when none). */
  finalLoss: number;
  /** Last and best validation evaluations, when validation ran. */
  lastValidation?: E;
  bestValidationLoss?: number;
  elapsedMs: number;
  tokens: number;
}

function trainableOf<B, E extends Evaluation>(options: TrainOptions<B, E>): ReadonlyMap<string, tf.Variable> {
  if (options.trainable) return options.trainable;
  if (options.adapter) return options.adapter.params;
  const variables = new Map<string, tf.Variable>();
  for (const [name, t] of options.params) {
    if (!("assign" in t)) throw new Error(`parameter "${name}" is not a variable; pass trainable explicitly`);
    variables.set(name, t as tf.Variable);
  }
  return variables;
}

/**
 * Trains with AdamW on a warmup + cosine schedule, with optional clipping, accumulation, validation,
 * early stopping, checkpoints and cancellation. Deterministic in `seed` and the data source, so a run
 * resumed from a checkpoint reproduces the uninterrupted one.
 */
export async function train(options: TrainOptions): Promise<TrainSummary> {
  return runTraining(options, { gradients: accumulateGradients, evaluate });
}

/** What a training task supplies to {@link runTraining}: gradients of a step and validation. */
export interface TrainingTask<B, E extends Evaluation> {
  /** Loss and accumulated gradients of one optimizer step's micro-batches (dropout seeded by `seed`). */
  gradients(
    model: LossModel,
    trainable: ReadonlyMap<string, tf.Variable>,
    microBatches: readonly B[],
    seed: number,
  ): StepGradients;
  /** Validation of held-out batches, without dropout. */
  evaluate(model: LossModel, batches: readonly B[]): Promise<E>;
}

/**
 * The loop behind {@link train} for any task (language modelling, classification): the same optimizer,
 * schedule, clipping, accumulation, validation, early stopping on validation loss, checkpoints, resume
 * and cancellation.
 */
export async function runTraining<B, E extends Evaluation>(
  options: TrainOptions<B, E>,
  task: TrainingTask<B, E>,
): Promise<TrainSummary<E>> {
  const { config, adapter, data, steps, callbacks = {}, signal, validation, seed } = options;
  const trainable = trainableOf(options);
  const model = { params: options.params, config, adapter };
  const schedule: ScheduleOptions = { totalSteps: steps, ...options.schedule };
  const accumulation = options.accumulation ?? 1;
  if (!Number.isInteger(accumulation) || accumulation < 1) throw new Error("accumulation must be a positive integer");
  const optimizer = new AdamW(options.optimizer);
  const started = performance.now();
  let step = 0;
  let best = Number.POSITIVE_INFINITY;
  let sinceBest = 0;
  if (options.resume) {
    const { resume } = options;
    restoreWeights(trainable, resume.weights);
    optimizer.load(resume.optimizer, trainable);
    data.seek(resume.dataPosition);
    step = resume.step;
    if (resume.validation) ({ best, sinceBest } = resume.validation);
  }
  const losses: number[] = [];
  let tokens = 0;
  let status: TrainSummary["status"] = "completed";
  let lastValidation: E | undefined;
  const checkpoint = (): Checkpoint => ({
    step,
    seed,
    dataPosition: data.position(),
    weights: snapshotWeights(trainable),
    optimizer: optimizer.state(),
    ...(validation ? { validation: { best, sinceBest } } : {}),
  });
  try {
    while (step < steps) {
      if (signal?.aborted) {
        status = "cancelled";
        const every = options.checkpointEvery;
        if (every && step > 0 && step % every !== 0) await callbacks.onCheckpoint?.(checkpoint());
        break;
      }
      const stepStarted = performance.now();
      const micro = Array.from({ length: accumulation }, () => data.next());
      const result = task.gradients(model, trainable, micro, mixSeeds(seed, step));
      let gradNorm: number;
      const learningRate = learningRateAt(step + 1, schedule);
      try {
        gradNorm = clipByGlobalNorm(result.grads, options.clipNorm ?? Number.POSITIVE_INFINITY);
        optimizer.apply(trainable, result.grads, learningRate);
      } finally {
        for (const g of result.grads.values()) g.dispose();
      }
      step += 1;
      tokens += result.tokens;
      losses.push(result.loss);
      const now = performance.now();
      await callbacks.onStep?.({
        step,
        totalSteps: steps,
        loss: result.loss,
        learningRate,
        gradNorm,
        tokensPerSecond: result.tokens / Math.max((now - stepStarted) / 1000, 1e-9),
        elapsedMs: now - started,
      });
      if (validation && (step % validation.every === 0 || step === steps)) {
        lastValidation = await task.evaluate(model, validation.batches);
        if (lastValidation.loss < best - (validation.minDelta ?? 0)) {
          best = lastValidation.loss;
          sinceBest = 0;
        } else sinceBest += 1;
        await callbacks.onEval?.({ ...lastValidation, step, best: Math.min(best, lastValidation.loss) });
      }
      if (options.checkpointEvery && step % options.checkpointEvery === 0) {
        await callbacks.onCheckpoint?.(checkpoint());
      }
      if (validation?.patience !== undefined && sinceBest >= validation.patience) {
        status = "early-stopped";
        break;
      }
      // Lets abort events and other callbacks run between steps.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    optimizer.dispose();
  }
  return {
    status,
    steps: step,
    losses,
    finalLoss: losses.length > 0 ? (losses[losses.length - 1] as number) : Number.NaN,
    ...(lastValidation ? { lastValidation } : {}),
    ...(Number.isFinite(best) ? { bestValidationLoss: best } : {}),
    elapsedMs: performance.now() - started,
    tokens,
  };
}
