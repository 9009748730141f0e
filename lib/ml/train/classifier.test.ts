import * as tf from "@tensorflow/tfjs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { mixSeeds, uniformGenerator } from "../kernels/random";
import { createLoraAdapter, disposeAdapter } from "../lora/adapter";
import { parseModelConfig } from "../model/config-parse";
import { disposeParams, initParams, type ModelParams } from "../model/params";
import { type Checkpoint, loadCheckpoint, saveCheckpoint } from "./checkpoint";
import {
  type ClassificationBatch,
  classificationBatches,
  classificationSource,
  type LabelledExample,
  packClassificationBatch,
} from "./classification-batch";
import { type ClassificationEvaluation, evaluateClassifier } from "./classification-loss";
import { trainClassifier } from "./classifier";
import type { EvalReport } from "./loop";

const PAD = 0;
const LENGTH = 16;
const config = parseModelConfig({
  model_type: "gpt2",
  vocab_size: 256,
  n_positions: LENGTH,
  n_embd: 16,
  n_layer: 2,
  n_head: 2,
});
const lora = { rank: 4, alpha: 8, dropout: 0, targetModules: ["q", "k", "v", "o", "fc", "proj"] as const };
const newAdapter = (seed = 3) =>
  createLoraAdapter(config, { ...lora, targetModules: [...lora.targetModules] }, { seed, numLabels: 2 });

/**
 * Random strings of 6..14 letters a..h; label 1 when the byte "x" occurs somewhere in it (inserted at a
 * random position into half of them), 0 otherwise. The position and the length vary, so the model has to
 * attend across the row, not read a fixed slot.
 */
function syntheticSet(count: number, seed: number): LabelledExample[] {
  const random = uniformGenerator(seed);
  return Array.from({ length: count }, () => {
    const n = 6 + Math.floor(random() * 9);
    const tokens = Array.from({ length: n }, () => 97 + Math.floor(random() * 8));
    const label = random() < 0.5 ? 1 : 0;
    if (label === 1) tokens[Math.floor(random() * n)] = 120;
    return { tokens, label };
  });
}

let params: ModelParams | undefined;
beforeAll(async () => {
  await initBackend({ backend: "wasm" });
});
afterEach(() => {
  if (params) disposeParams(params);
  params = undefined;
});

describe("classification batches", () => {
  it("right-pads, truncates and keeps labels", () => {
    const batch = packClassificationBatch(
      [
        { tokens: [5, 6], label: 1 },
        { tokens: [7, 8, 9, 10], label: 0 },
      ],
      3,
      PAD,
    );
    expect([...batch.tokens]).toEqual([5, 6, PAD, 7, 8, 9]);
    expect([...batch.labels]).toEqual([1, 0]);
    const all = classificationBatches(syntheticSet(5, 1), { batch: 2, length: LENGTH, padId: PAD });
    expect(all.map((b) => b.batch)).toEqual([2, 2, 1]);
  });

  it("cycles with a resumable position, reshuffling each pass", () => {
    const examples = syntheticSet(5, 1);
    const options = { batch: 2, length: LENGTH, padId: PAD, shuffleSeed: 4 };
    const a = classificationSource(examples, options);
    const first = Array.from({ length: 6 }, () => a.next());
    const b = classificationSource(examples, options);
    b.seek(6);
    expect(b.next()).toEqual(first[3]);
    // Every example served once in the first pass of 5.
    const [p0, p1, p2] = first as [ClassificationBatch, ClassificationBatch, ClassificationBatch];
    const labelsOfPass = [...p0.labels, ...p1.labels, p2.labels[0] as number];
    expect(labelsOfPass.sort()).toEqual(examples.map((e) => e.label).sort());
    expect(() => a.seek(-1)).toThrow();
  });
});

describe("trainClassifier", () => {
  const examples = syntheticSet(320, mixSeeds(7, 1));
  const train = examples.slice(0, 256);
  const held = examples.slice(256);
  const batchOptions = { batch: 16, length: LENGTH, padId: PAD };

  it("LoRA + head learns the pattern: held-out accuracy ≥ 0.9, base frozen, no leak", async () => {
    params = initParams(config, { seed: 1 });
    const base = [...params.values()].map((t) => Float32Array.from(t.dataSync()));
    const before = tf.memory().numTensors;
    const adapter = newAdapter();
    const heldBatches = classificationBatches(held, batchOptions);
    // Chance: the held-out split is balanced, and the untrained classifier is no better than that.
    const positives = held.filter((e) => e.label === 1).length / held.length;
    expect(Math.max(positives, 1 - positives)).toBeLessThan(0.6);
    const untrained = await evaluateClassifier({ params, config, adapter }, heldBatches, {
      numLabels: 2,
      padTokenId: PAD,
    });
    expect(untrained.accuracy).toBeLessThan(0.7);
    const evals: EvalReport<ClassificationEvaluation>[] = [];
    const summary = await trainClassifier({
      params,
      config,
      adapter,
      numLabels: 2,
      padTokenId: PAD,
      data: classificationSource(train, { ...batchOptions, shuffleSeed: 2 }),
      steps: 300,
      schedule: { peak: 0.01, warmupSteps: 30 },
      clipNorm: 1,
      seed: 1,
      validation: { batches: heldBatches, every: 100 },
      callbacks: { onEval: (e) => void evals.push(e) },
    });
    disposeAdapter(adapter);
    expect(summary.status).toBe("completed");
    expect(evals.map((e) => e.step)).toEqual([100, 200, 300]);
    const last = summary.lastValidation as ClassificationEvaluation;
    expect(last.weight).toBe(held.length);
    expect(last.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(last.macroF1).toBeGreaterThanOrEqual(0.9);
    expect(last.loss).toBeLessThan(evals[0]?.loss as number);
    expect(last.metrics.confusion.flat().reduce((s, x) => s + x, 0)).toBe(held.length);
    expect([...params.values()].map((t) => Float32Array.from(t.dataSync()))).toEqual(base);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("resumes from a checkpoint to the same losses, and stops when aborted", async () => {
    params = initParams(config, { seed: 1 });
    const run = async (steps: number, resume?: Checkpoint, abortAt?: number) => {
      const adapter = newAdapter(resume ? 9 : 3);
      const controller = new AbortController();
      const saved: Uint8Array[] = [];
      const summary = await trainClassifier({
        params: params as ModelParams,
        config,
        adapter,
        numLabels: 2,
        padTokenId: PAD,
        data: classificationSource(train, { ...batchOptions, shuffleSeed: 2 }),
        steps,
        schedule: { peak: 0.01, warmupSteps: 2, totalSteps: 8 },
        accumulation: 2,
        seed: 5,
        checkpointEvery: 4,
        signal: controller.signal,
        resume,
        callbacks: {
          onStep: ({ step }) => (step === abortAt ? controller.abort() : undefined),
          onCheckpoint: (c) => void saved.push(saveCheckpoint(c)),
        },
      });
      disposeAdapter(adapter);
      return { summary, saved };
    };
    const whole = await run(8);
    const cut = await run(8, undefined, 3);
    expect(cut.summary.status).toBe("cancelled");
    expect(cut.summary.steps).toBe(3);
    const checkpoint = loadCheckpoint(cut.saved[0] as Uint8Array);
    expect(checkpoint.step).toBe(3);
    expect(checkpoint.dataPosition).toBe(3 * 2 * 16);
    const rest = await run(8, checkpoint);
    const resumed = [...cut.summary.losses, ...rest.summary.losses];
    expect(resumed).toHaveLength(8);
    const worst = Math.max(...resumed.map((loss, i) => Math.abs(loss - (whole.summary.losses[i] as number))));
    expect(worst).toBeLessThan(1e-6);
  });
});
