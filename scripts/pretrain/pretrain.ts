/**
 * The pretraining pipeline: data → seeded initialisation → AdamW with warmup + cosine on random windows of
 * the train split, validated on the validation split → float16 Hugging Face folder → a final measurement
 * of the written weights → training.json and the model card, both from those measured numbers.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type BackendInfo,
  countParameters,
  dimensions,
  disposeParams,
  type EvalReport,
  evaluate,
  importHfCheckpoint,
  initParams,
  type ModelConfig,
  parseModelConfig,
  randomWindowSource,
  type StepReport,
  train,
} from "../../lib/ml";
import { loadTokenizer } from "../../lib/ml/tokenizers";
import { modelCard } from "./card";
import { evenWindows, loadPretrainData } from "./data";
import { describeMachine } from "./machine";
import { progressPrinter } from "./progress";
import type { Recipe } from "./recipes";
import { type PretrainReport, reportJson } from "./report";
import { writeWeights } from "./weights";

/** Options of {@link pretrain}. */
export interface PretrainOptions {
  /** Folder to write (created if needed). */
  out: string;
  /** Overrides the recipe's step count (a smoke run); the schedule follows it. */
  steps?: number;
  /** The active backend, as initBackend reported it. */
  backend: BackendInfo;
  /** Receives progress lines; default console.log. */
  print?: (line: string) => void;
  /** Print a step line every this many steps (default 10). */
  logEvery?: number;
}

/** Checks the recipe builds the model its catalog entry declares, before any time is spent training. */
function checkAgainstEntry(recipe: Recipe, config: ModelConfig, parameters: number, vocabSize: number): void {
  const { entry } = recipe;
  const dims = dimensions(config);
  const problems = [
    config.model_type !== entry.family && `family ${config.model_type} ≠ catalog ${entry.family}`,
    dims.maxPositions !== entry.contextLength && `context ${dims.maxPositions} ≠ catalog ${entry.contextLength}`,
    dims.vocabSize !== entry.vocabSize && `vocabulary ${dims.vocabSize} ≠ catalog ${entry.vocabSize}`,
    dims.vocabSize !== vocabSize && `vocabulary ${dims.vocabSize} ≠ tokenizer ${vocabSize}`,
    parameters !== entry.parameters && `${parameters} parameters ≠ catalog ${entry.parameters}`,
  ].filter((p): p is string => typeof p === "string");
  if (problems.length > 0)
    throw new Error(`recipe for ${entry.id} disagrees with its catalog entry: ${problems.join("; ")}`);
}

/** Runs a recipe end to end and writes its folder; returns what the model card reports. */
export async function pretrain(recipe: Recipe, options: PretrainOptions): Promise<PretrainReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const started = performance.now();
  const config = parseModelConfig(recipe.config);
  const context = dimensions(config).maxPositions;
  const training = { ...recipe.training, steps: options.steps ?? recipe.training.steps };
  const tokenizer = await loadTokenizer(recipe.entry.tokenizer);
  const data = await loadPretrainData(recipe.corpora, tokenizer);
  print(
    `${recipe.entry.id}: ${data.train.length.toLocaleString("en-US")} train and ` +
      `${data.validation.length.toLocaleString("en-US")} validation tokens from ${data.corpora.map((c) => c.name).join(", ")}`,
  );
  const validationBatches = evenWindows(data.validation, training.evalWindows, context, training.batch);
  const params = initParams(config, { seed: training.seed });
  try {
    checkAgainstEntry(recipe, config, countParameters(params), tokenizer.vocabSize);
    print(
      `${countParameters(params).toLocaleString("en-US")} parameters; ${training.steps} steps of ` +
        `${training.batch} × ${context} tokens (${options.backend.name})`,
    );
    const evaluations: PretrainReport["evaluations"] = [];
    let recent: number[] = [];
    const progress = progressPrinter({ every: options.logEvery ?? 10, tokensPerStep: training.batch * context, print });
    const summary = await train({
      params,
      config,
      data: randomWindowSource(data.train, { batch: training.batch, length: context, seed: training.seed }),
      steps: training.steps,
      seed: training.seed,
      schedule: {
        peak: training.peakLearningRate,
        warmupSteps: Math.min(training.warmupSteps, training.steps),
        floorRatio: training.floorRatio,
      },
      optimizer: { weightDecay: training.weightDecay, beta2: training.beta2 },
      clipNorm: training.clipNorm,
      validation: { batches: validationBatches, every: training.evalEvery },
      callbacks: {
        onStep: (report: StepReport) => {
          recent.push(report.loss);
          progress.onStep(report);
        },
        onEval: (report: EvalReport) => {
          // Train loss beside each validation: the mean of the steps since the previous one.
          const trainLoss = recent.reduce((sum, loss) => sum + loss, 0) / Math.max(1, recent.length);
          evaluations.push({ step: report.step, trainLoss, validationLoss: report.loss });
          recent = [];
          progress.onEval(report);
        },
      },
    });
    const weights = await writeWeights(options.out, config, params);
    // The card reports the weights as shipped: re-read from disk (float16), on more windows than in training.
    const written = await importHfCheckpoint(options.out);
    let final: PretrainReport["final"];
    try {
      const model = { params: written.params, config: written.config };
      const windows = (stream: Int32Array) => evenWindows(stream, training.finalEvalWindows, context, training.batch);
      final = {
        train: await evaluate(model, windows(data.train)),
        validation: await evaluate(model, windows(data.validation)),
      };
    } finally {
      disposeParams(written.params);
    }
    const report: PretrainReport = {
      entry: recipe.entry,
      config,
      corpora: data.corpora,
      tokens: { train: data.train.length, validation: data.validation.length },
      training: { ...training, context, recipeSteps: recipe.training.steps },
      parameters: countParameters(params),
      weights: { file: path.basename(weights.file), bytes: weights.bytes, dtype: weights.dtype },
      summary: {
        status: summary.status,
        steps: summary.steps,
        tokens: summary.tokens,
        trainingMs: summary.elapsedMs,
        totalMs: performance.now() - started,
        lastStepLoss: summary.finalLoss,
      },
      evaluations,
      final,
      machine: describeMachine(options.backend),
      finishedAt: new Date().toISOString(),
    };
    await writeFile(path.join(options.out, "training.json"), reportJson(report));
    await writeFile(path.join(options.out, "README.md"), modelCard(report));
    print(
      `done in ${(report.summary.totalMs / 60000).toFixed(1)} min: train loss ${final.train.loss.toFixed(4)}, ` +
        `validation loss ${final.validation.loss.toFixed(4)} → ${options.out}`,
    );
    return report;
  } finally {
    disposeParams(params);
  }
}
