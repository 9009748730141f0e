import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { crossEntropy } from "../kernels/cross-entropy";
import { uniformGenerator } from "../kernels/random";
import { parseModelConfig } from "../model/config-parse";
import { forward } from "../model/forward";
import { disposeParams, initParams, type ModelParams } from "../model/params";
import { createLoraAdapter, disposeAdapter, type LoraAdapter } from "./adapter";

const BASE_TEXT = Buffer.from("the cat sat on the mat. the dog ate the bone. ".repeat(20));
const TUNE_TEXT = Buffer.from("the bird sang in the tree. we walk to the shop. ".repeat(20));
const CONTEXT = 16;
const BATCH = 8;
const config = parseModelConfig({
  model_type: "gpt2",
  vocab_size: 256,
  n_positions: CONTEXT,
  n_embd: 32,
  n_layer: 2,
  n_head: 2,
});

interface Run {
  text: Buffer;
  params: ModelParams;
  variables: tf.Variable[];
  adapter?: LoraAdapter;
  learningRate: number;
}

/** Trains 40 steps on random windows of the text (byte ids); returns the mean loss of the first and last 5 steps. */
function train({ text, params, variables, adapter, learningRate }: Run) {
  const next = uniformGenerator(1);
  const optimizer = tf.train.adam(learningRate);
  const losses: number[] = [];
  for (let step = 0; step < 40; step++) {
    const inputs: number[][] = [];
    const targets: number[] = [];
    for (let b = 0; b < BATCH; b++) {
      const start = Math.floor(next() * (text.length - CONTEXT - 1));
      inputs.push([...text.subarray(start, start + CONTEXT)]);
      targets.push(...text.subarray(start + 1, start + CONTEXT + 1));
    }
    const lossOfBatch = () => {
      const logits = forward(params, config, tf.tensor2d(inputs, [BATCH, CONTEXT], "int32"), { adapter });
      return crossEntropy(logits.reshape([BATCH * CONTEXT, 256]) as tf.Tensor2D, tf.tensor1d(targets, "int32"));
    };
    // minimize runs the loss inside its own tidy: the batch tensors made there are freed with it.
    const cost = optimizer.minimize(lossOfBatch, true, variables) as tf.Scalar;
    losses.push(cost.dataSync()[0] as number);
    cost.dispose();
  }
  optimizer.dispose();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { first: mean(losses.slice(0, 5)), last: mean(losses.slice(-5)) };
}

describe("training lowers the loss on a repeated text", () => {
  let params: ModelParams;

  beforeAll(async () => {
    await initBackend({ backend: "wasm" });
    params = initParams(config, { seed: 1 });
  });
  afterAll(() => disposeParams(params));

  it("full training of a fresh model", () => {
    const { first, last } = train({ text: BASE_TEXT, params, variables: [...params.values()], learningRate: 0.01 });
    expect(last).toBeLessThan(first - 1.5);
  });

  it("LoRA fine-tuning of that model on another text, its weights frozen", () => {
    const adapter = createLoraAdapter(config, {
      rank: 8,
      alpha: 16,
      dropout: 0,
      targetModules: ["q", "k", "v", "o", "fc", "proj"],
    });
    const { first, last } = train({
      text: TUNE_TEXT,
      params,
      variables: [...adapter.params.values()],
      adapter,
      learningRate: 0.03,
    });
    expect(last).toBeLessThan(first - 0.4);
    disposeAdapter(adapter);
  });
});
