import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { crossEntropy } from "../kernels/cross-entropy";
import { relativeDifference } from "../kernels/test-helpers";
import type { ModelConfig } from "../model/config";
import { forward } from "../model/forward";
import { disposeParams, initParams, type ModelParams } from "../model/params";
import { TINY_GPT2, TINY_LLAMA, tokenRows } from "../model/test-configs";
import { createLoraAdapter, disposeAdapter, type LoraAdapter } from "./adapter";
import type { LoraConfig } from "./config";
import { mergeAdapter } from "./merge";

const families: [string, ModelConfig, LoraConfig][] = [
  ["gpt2", TINY_GPT2, { rank: 4, alpha: 8, dropout: 0, targetModules: ["q", "k", "v", "o", "fc", "proj"] }],
  ["llama", TINY_LLAMA, { rank: 4, alpha: 8, dropout: 0, targetModules: ["q", "k", "v", "o", "gate", "up", "down"] }],
];

/** Gives every B a non-zero value so the adapter changes the outputs. */
function perturbB(adapter: LoraAdapter, seed: number): void {
  for (const [name, variable] of adapter.params) {
    if (name.endsWith("lora_b")) variable.assign(tf.randomNormal(variable.shape, 0, 0.2, "float32", seed));
  }
}

const snapshot = (params: ReadonlyMap<string, tf.Tensor>) =>
  new Map([...params].map(([name, t]) => [name, Buffer.from((t.dataSync() as Float32Array).buffer)]));

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
});

describe.each(families)("LoRA on %s", (_, config, lora) => {
  let params: ModelParams;
  const tokens = () => tf.tensor2d(tokenRows(2, 7, config.vocab_size), [2, 7], "int32");
  const targets = () => tf.tensor1d(tokenRows(2, 7, config.vocab_size, 9).flat(), "int32");
  const loss = (adapter: LoraAdapter, seed = 0) =>
    crossEntropy(
      forward(params, config, tokens(), { adapter, training: true, seed }).reshape([
        14,
        config.vocab_size,
      ]) as tf.Tensor2D,
      targets(),
    );

  beforeAll(() => {
    params = initParams(config, { seed: 7 });
  });
  afterAll(() => disposeParams(params));

  it("with B = 0 gives exactly the base model's logits", () => {
    const adapter = createLoraAdapter(config, lora, { seed: 1 });
    tf.tidy(() => {
      expect(
        relativeDifference(forward(params, config, tokens(), { adapter }), forward(params, config, tokens())),
      ).toBe(0);
    });
    disposeAdapter(adapter);
  });

  it("trains only the adapter: the base weights stay byte-identical", async () => {
    const adapter = createLoraAdapter(config, lora, { seed: 2 });
    const base = snapshot(params);
    const before = snapshot(adapter.params);
    const optimizer = tf.train.adam(0.01);
    // Two steps: the first moves only B (A's gradient is zero while B is).
    for (let i = 0; i < 2; i++) optimizer.minimize(() => loss(adapter), true, [...adapter.params.values()])?.dispose();
    for (const [name, bytes] of snapshot(params)) expect(bytes.equals(base.get(name) as Buffer), name).toBe(true);
    for (const [name, bytes] of snapshot(adapter.params))
      expect(bytes.equals(before.get(name) as Buffer), name).toBe(false);
    optimizer.dispose();
    disposeAdapter(adapter);
  });

  it("computes no gradient for the frozen base: no embedding scatter, no weight products", async () => {
    const adapter = createLoraAdapter(config, lora, { seed: 3 });
    const profile = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(() => loss(adapter), [...adapter.params.values()]);
      tf.dispose([value, grads]);
    });
    const launches = (name: string) => profile.kernels.filter((k) => k.name === name).length;
    expect(launches("ScatterNd")).toBe(0);
    // Forward: one product per base projection, two per adapted one, Llama's two rotate-half products,
    // the head. Backward: dx for each of those, and dA, dB per adapted projection — none for a base
    // weight; layer 0's q, k, v read only frozen embeddings, so their six dx products are pruned too.
    const layers = 2;
    const projections = config.model_type === "gpt2" ? 6 : 7;
    const rope = config.model_type === "llama" ? 2 : 0;
    const adapted = lora.targetModules.length;
    // Attention adds two batched products forward and four backward per layer. Gradient products run
    // as BatchMatMul where transposed products are free (native kernels), as LibMlMatMul otherwise.
    const forwardProducts = layers * (projections + 2 * adapted + rope) + 1;
    const backwardProducts = layers * (projections + 4 * adapted + rope) + 1 - 6;
    const attentionProducts = layers * 6;
    expect(launches("LibMlMatMul") + launches("BatchMatMul")).toBe(
      forwardProducts + backwardProducts + attentionProducts,
    );
    disposeAdapter(adapter);
  });

  it("merged into the weights gives the unmerged logits, and leaves both inputs usable", () => {
    const adapter = createLoraAdapter(config, lora, { seed: 3 });
    perturbB(adapter, 4);
    const merged = mergeAdapter(params, adapter);
    tf.tidy(() => {
      const unmerged = forward(params, config, tokens(), { adapter });
      expect(relativeDifference(forward(merged, config, tokens()), unmerged)).toBeLessThan(1e-5);
      expect(relativeDifference(unmerged, forward(params, config, tokens()))).toBeGreaterThan(1e-3);
    });
    disposeParams(merged);
    tf.tidy(() => {
      expect(forward(params, config, tokens(), { adapter }).shape).toEqual([2, 7, config.vocab_size]);
    });
    disposeAdapter(adapter);
  });

  it("leaks no tensors over forward + backward + update steps", async () => {
    const adapter = createLoraAdapter(config, lora, { seed: 5 });
    const optimizer = tf.train.adam(0.01);
    const step = () => optimizer.minimize(() => loss(adapter), false, [...adapter.params.values()]);
    step(); // creates the optimizer's moment variables
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    disposeAdapter(adapter);
  });
});

describe("LoRA dropout", () => {
  let params: ModelParams;
  let adapter: LoraAdapter;
  const config = TINY_GPT2;
  const tokens = () => tf.tensor2d(tokenRows(2, 6, 40), [2, 6], "int32");

  beforeAll(() => {
    params = initParams(config, { seed: 8 });
    adapter = createLoraAdapter(
      config,
      { rank: 4, alpha: 4, dropout: 0.3, targetModules: ["q", "v", "fc"] },
      { seed: 6 },
    );
    perturbB(adapter, 7);
  });
  afterAll(() => {
    disposeParams(params);
    disposeAdapter(adapter);
  });

  it("is seeded in training and off in evaluation", () => {
    tf.tidy(() => {
      const train = (seed: number) => forward(params, config, tokens(), { adapter, training: true, seed });
      const evaluation = forward(params, config, tokens(), { adapter });
      expect(relativeDifference(train(1), train(1))).toBe(0);
      expect(relativeDifference(train(1), train(2))).toBeGreaterThan(0);
      expect(relativeDifference(train(1), evaluation)).toBeGreaterThan(0);
      expect(relativeDifference(forward(params, config, tokens(), { adapter, seed: 1 }), evaluation)).toBe(0);
    });
  });

  it("needs a seed in training", () => {
    tf.tidy(() => {
      expect(() => forward(params, config, tokens(), { adapter, training: true })).toThrow(/seed/);
    });
  });
});
