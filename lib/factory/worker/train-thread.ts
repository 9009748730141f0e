/**
 * The worker thread that trains one run with lib/ml (started by thread.ts): builds the examples of the
 * run's task from the rows it is given, trains a LoRA adapter from the run config (resuming from a
 * checkpoint file when given), writes checkpoints and the final adapter, and reports to the main thread
 * (protocol.ts). Aborting (a message from the main thread) stops between steps; the loop checkpoints first.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { initBackend } from "@/lib/ml/backend/init";
import { packDocuments } from "@/lib/ml/data/packing";
import { encodeInstruction } from "@/lib/ml/data/template";
import { exportPeftAdapter } from "@/lib/ml/io/peft-export";
import { NATIVE_ACCELERATOR } from "@/lib/ml/kernels/native/name";
import { createLoraAdapter, disposeAdapter } from "@/lib/ml/lora/adapter";
import { disposeParams } from "@/lib/ml/model/params";
import type { TrainBatch } from "@/lib/ml/train/batch";
import { type Checkpoint, loadCheckpoint, saveCheckpoint } from "@/lib/ml/train/checkpoint";
import type { ClassificationBatch } from "@/lib/ml/train/classification-batch";
import { classificationBatches, classificationSource, type LabelledExample } from "@/lib/ml/train/classification-batch";
import { trainClassifier } from "@/lib/ml/train/classifier";
import {
  examplesFromInstructions,
  examplesFromWindows,
  type LmExample,
  lmBatches,
  lmSource,
} from "@/lib/ml/train/lm-examples";
import { type TrainCallbacks, type TrainSummary, train } from "@/lib/ml/train/loop";
import type { Evaluation } from "@/lib/ml/train/loss";
import { loadBaseModel } from "../base-models/load";
import type { RunEvaluation } from "../evaluation";
import { evaluateRun } from "./evaluate-run";
import type { MainMessage, ThreadInput, ThreadMessage } from "./protocol";

/** Held-out examples evaluated at most (validation runs every checkpoint interval; keep it quick). */
const MAX_VALIDATION_EXAMPLES = 64;

/** Peak resident memory of this process seen so far (the thread shares it with the worker's main thread). */
let peakRss = 0;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

const port = parentPort;
if (!port) throw new Error("train-thread.ts runs as a worker thread");
const input = workerData as ThreadInput;
const post = (message: ThreadMessage) => port.postMessage(message);
const abort = new AbortController();
port.on("message", (message: MainMessage) => {
  if (message.type === "abort") abort.abort(message.reason);
});

/** Writes bytes atomically: a temporary file in the same folder, then renamed over the target. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function readResume(file: string | null): Promise<Checkpoint | undefined> {
  if (!file) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    return undefined; // No checkpoint on this machine: start over (the run's step stays where it was).
  }
  return loadCheckpoint(bytes);
}

async function run(): Promise<void> {
  const { config, rows } = input;
  const method = config.method;
  const info = await initBackend();
  const backend = info.accelerators.includes(NATIVE_ACCELERATOR) ? `${info.name}+native` : info.name;
  // A shipped model or a checkpoint imported under DATA_DIR/checkpoints (the thread shares the worker's env).
  const base = await loadBaseModel(config.baseModel);
  const tokenizer = base.tokenizer;
  const padId = tokenizer.padId ?? base.config.pad_token_id ?? tokenizer.eosId ?? 0;
  const length = method.contextLength;
  const lora = {
    rank: method.rank,
    alpha: method.alpha,
    dropout: method.dropout,
    targetModules: [...method.targetModules] as Parameters<typeof createLoraAdapter>[1]["targetModules"],
  };
  const numLabels = rows.task === "classification" ? rows.labels.length : undefined;
  const adapter = createLoraAdapter(base.config, lora, {
    seed: method.seed,
    ...(numLabels !== undefined ? { numLabels } : {}),
  });
  try {
    const resume = await readResume(input.resumeFrom);
    const perStep = method.batchSize * method.gradientAccumulation;
    let trainExamples = 0;
    let totalSteps = 1;
    const stepsFor = (examples: number) => Math.max(1, Math.ceil((examples * method.epochs) / perStep));
    const callbacks = (): TrainCallbacks<Evaluation & { accuracy?: number }> => ({
      onStep: (report) => {
        sampleMemory();
        post({
          type: "step",
          step: report.step,
          totalSteps: report.totalSteps,
          // The last step may read a few examples past the final epoch's end (steps are rounded up).
          epoch: Math.min(method.epochs, (report.step * perStep) / trainExamples),
          loss: report.loss,
          tokensPerSecond: report.tokensPerSecond,
          elapsedMs: report.elapsedMs,
        });
      },
      onEval: (report) =>
        post({
          type: "eval",
          step: report.step,
          valLoss: report.loss,
          ...(report.accuracy !== undefined ? { accuracy: report.accuracy } : {}),
        }),
      onCheckpoint: async (checkpoint) => {
        await writeAtomically(input.checkpointPath, saveCheckpoint(checkpoint));
        post({ type: "checkpoint", step: checkpoint.step, path: input.checkpointPath });
      },
    });
    const common = {
      params: base.params,
      config: base.config,
      adapter,
      schedule: { peak: method.learningRate, warmupSteps: method.warmupSteps },
      clipNorm: 1,
      accumulation: method.gradientAccumulation,
      checkpointEvery: method.checkpointEvery,
      seed: method.seed,
      signal: abort.signal,
      ...(resume ? { resume } : {}),
    };
    const ready = () =>
      post({ type: "ready", backend, totalSteps, trainExamples, resumedFrom: resume ? resume.step : null });

    let summary: TrainSummary<Evaluation & { accuracy?: number }>;
    // Held-out batches, kept for the evaluation once training ends.
    let heldLm: TrainBatch[] = [];
    let heldClassification: ClassificationBatch[] = [];
    if (rows.task === "classification") {
      const toExamples = (list: { text: string; label: number }[]): LabelledExample[] =>
        list.map((row) => ({ tokens: tokenizer.encode(row.text).slice(0, length), label: row.label }));
      const trainSet = toExamples(rows.train);
      const held = toExamples(rows.validation.slice(0, MAX_VALIDATION_EXAMPLES));
      if (trainSet.length === 0) throw new Error("The Datanet versions hold no rows to train on.");
      trainExamples = trainSet.length;
      totalSteps = stepsFor(trainExamples);
      ready();
      const batchOptions = { batch: method.batchSize, length, padId };
      heldClassification = classificationBatches(held, batchOptions);
      summary = await trainClassifier({
        ...common,
        numLabels: numLabels as number,
        padTokenId: padId,
        data: classificationSource(trainSet, { ...batchOptions, shuffleSeed: method.seed }),
        steps: totalSteps,
        callbacks: callbacks(),
        ...(held.length > 0 ? { validation: { batches: heldClassification, every: method.checkpointEvery } } : {}),
      });
    } else {
      let trainSet: LmExample[];
      let held: LmExample[];
      if (rows.task === "causal_lm") {
        const pack = (texts: string[]) =>
          texts.length === 0
            ? []
            : examplesFromWindows(
                packDocuments(tokenizer, texts, { windowLength: length + 1, remainder: "pad", padId }),
              );
        trainSet = pack(rows.train);
        held = pack(rows.validation);
      } else {
        const encode = (pairs: { prompt: string; completion: string }[]) =>
          examplesFromInstructions(
            pairs.map((pair) => encodeInstruction(tokenizer, pair, { contextLength: length + 1 })),
          );
        trainSet = encode(rows.train);
        held = encode(rows.validation);
      }
      held = held.slice(0, MAX_VALIDATION_EXAMPLES);
      if (trainSet.length === 0) throw new Error("The Datanet versions hold no text to train on.");
      trainExamples = trainSet.length;
      totalSteps = stepsFor(trainExamples);
      ready();
      const batchOptions = { batch: method.batchSize, length, padId };
      heldLm = lmBatches(held, batchOptions);
      summary = await train({
        ...common,
        data: lmSource(trainSet, { ...batchOptions, shuffleSeed: method.seed }),
        steps: totalSteps,
        callbacks: callbacks() as TrainCallbacks,
        ...(held.length > 0 ? { validation: { batches: heldLm, every: method.checkpointEvery } } : {}),
      });
    }

    let adapterPath: string | null = null;
    let evaluation: RunEvaluation | null = null;
    if (summary.status !== "cancelled") {
      evaluation = await evaluateRun({
        base,
        adapter,
        lora,
        seed: method.seed,
        rows,
        contextLength: length,
        lmBatches: heldLm,
        classificationBatches: heldClassification,
        padId,
      });
      // PEFT layout (adapter_config.json + adapter_model.safetensors): what the inference server loads, the
      // model page offers as a zip and ModelRegistry identifies by its weights' sha256. What PEFT has no
      // field for (task, labels) goes in modelfactory.json beside it.
      await exportPeftAdapter(input.adapterPath, adapter, {
        baseModelNameOrPath: config.baseModel,
        config: base.config,
      });
      await writeFile(
        path.join(input.adapterPath, "modelfactory.json"),
        `${JSON.stringify({ baseModel: config.baseModel, task: config.data.task, contextLength: length, lora, labels: rows.task === "classification" ? rows.labels : null }, null, 2)}\n`,
      );
      adapterPath = input.adapterPath;
    }
    sampleMemory();
    post({
      type: "done",
      status: summary.status,
      steps: summary.steps,
      finalLoss: Number.isFinite(summary.finalLoss) ? summary.finalLoss : null,
      valLoss: summary.lastValidation ? summary.lastValidation.loss : null,
      adapterPath,
      evaluation,
      peakMemoryMiB: Math.ceil(peakRss / 2 ** 20),
    });
  } finally {
    disposeAdapter(adapter);
    disposeParams(base.params);
  }
}

run().catch((error: unknown) => {
  post({ type: "error", message: error instanceof Error ? error.message : String(error) });
});
