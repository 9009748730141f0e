import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { crossEntropy } from "../kernels/cross-entropy";
import { relativeDifference } from "../kernels/test-helpers";
import { createLoraAdapter, disposeAdapter } from "../lora/adapter";
import type { ModelConfig } from "./config";
import { forward } from "./forward";
import { disposeParams, initParams, type ModelParams } from "./params";
import { referenceLogits } from "./reference-model";
import { TINY_GPT2, TINY_LLAMA, tokenRows } from "./test-configs";

const families: [string, ModelConfig][] = [
  ["gpt2", TINY_GPT2],
  ["llama", TINY_LLAMA],
];

describe.each(families)("forward (%s, wasm)", (_, config) => {
  let params: ModelParams;
  const vocab = config.vocab_size;

  beforeAll(async () => {
    await initBackend({ backend: "wasm" });
    params = initParams(config, { seed: 3 });
  });
  afterAll(() => disposeParams(params));

  it("maps tokens [B, T] to logits [B, T, V]", () => {
    tf.tidy(() => {
      const logits = forward(params, config, tf.tensor2d(tokenRows(3, 7, vocab), [3, 7], "int32"));
      expect(logits.shape).toEqual([3, 7, vocab]);
      expect(logits.dtype).toBe("float32");
      const last = forward(params, config, tf.tensor2d(tokenRows(3, 7, vocab), [3, 7], "int32"), {
        lastPositionOnly: true,
      });
      expect(last.shape).toEqual([3, 1, vocab]);
      expect(relativeDifference(last, logits.slice([0, 6, 0], [3, 1, vocab]))).toBe(0);
    });
  });

  it("is causal: changing a later token never changes earlier logits", () => {
    tf.tidy(() => {
      const rows = tokenRows(2, 8, vocab);
      const changed = rows.map((row) => row.map((id, t) => (t >= 5 ? (id + 11) % vocab : id)));
      const a = forward(params, config, tf.tensor2d(rows, [2, 8], "int32"));
      const b = forward(params, config, tf.tensor2d(changed, [2, 8], "int32"));
      expect(relativeDifference(a.slice([0, 0, 0], [2, 5, vocab]), b.slice([0, 0, 0], [2, 5, vocab]))).toBe(0);
      expect(relativeDifference(a.slice([0, 5, 0], [2, 3, vocab]), b.slice([0, 5, 0], [2, 3, vocab]))).toBeGreaterThan(
        0,
      );
    });
  });

  it("matches a plain-tf transcription of the Hugging Face model: loss and LoRA gradients within 1e-5", () => {
    const adapter = createLoraAdapter(
      config,
      {
        rank: 4,
        alpha: 8,
        dropout: 0,
        targetModules: config.model_type === "gpt2" ? ["q", "v", "o", "fc"] : ["q", "k", "down"],
      },
      { seed: 5 },
    );
    // Non-zero B, so every LoRA path (and its gradient) matters.
    for (const [name, variable] of adapter.params) {
      if (name.endsWith("lora_b")) variable.assign(tf.randomNormal(variable.shape, 0, 0.1, "float32", 9));
    }
    tf.tidy(() => {
      const tokens = tf.tensor2d(tokenRows(2, 9, vocab), [2, 9], "int32");
      const targets = tf.tensor1d(tokenRows(2, 9, vocab, 2).flat(), "int32");
      const lossOf = (logits: tf.Tensor) => crossEntropy(logits.reshape([18, vocab]) as tf.Tensor2D, targets);
      const variables = [...adapter.params.values()];
      const ours = tf.variableGrads(() => lossOf(forward(params, config, tokens, { adapter })), variables);
      const reference = tf.variableGrads(() => lossOf(referenceLogits(params, config, tokens, adapter)), variables);
      expect(relativeDifference(ours.value, reference.value)).toBeLessThan(1e-5);
      for (const variable of variables) {
        const got = ours.grads[variable.name] as tf.Tensor;
        expect(relativeDifference(got, reference.grads[variable.name] as tf.Tensor)).toBeLessThan(1e-5);
      }
    });
    disposeAdapter(adapter);
  });

  it("leaks no tensors over full-training forward + backward passes", () => {
    const tokens = tf.tensor2d(tokenRows(2, 6, vocab), [2, 6], "int32");
    const targets = tf.tensor1d(tokenRows(2, 6, vocab, 3).flat(), "int32");
    const step = () => {
      const { value, grads } = tf.variableGrads(
        () => crossEntropy(forward(params, config, tokens).reshape([12, vocab]) as tf.Tensor2D, targets),
        [...params.values()],
      );
      expect(Object.keys(grads)).toHaveLength(params.size);
      tf.dispose([value, grads]);
    };
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([tokens, targets]);
  });

  it("masks left padding: a padded row gives the unpadded row's logits at its real positions", () => {
    tf.tidy(() => {
      const real = tokenRows(1, 5, vocab)[0] as number[];
      const padded = tf.tensor2d([[0, 0, 0, ...real]], [1, 8], "int32");
      const mask = tf.tensor2d([[0, 0, 0, 1, 1, 1, 1, 1]], [1, 8], "int32");
      const withPadding = forward(params, config, padded, { attentionMask: mask }).slice([0, 3, 0], [1, 5, vocab]);
      const without = forward(params, config, tf.tensor2d([real], [1, 5], "int32"));
      expect(relativeDifference(withPadding, without)).toBeLessThan(1e-5);
    });
  });
});

describe("forward on the cpu backend", () => {
  it("matches the reference there too", async () => {
    await initBackend({ backend: "cpu" });
    const params = initParams(TINY_LLAMA, { seed: 4 });
    tf.tidy(() => {
      const tokens = tf.tensor2d(tokenRows(2, 6, 40), [2, 6], "int32");
      expect(
        relativeDifference(forward(params, TINY_LLAMA, tokens), referenceLogits(params, TINY_LLAMA, tokens)),
      ).toBeLessThan(1e-5);
    });
    disposeParams(params);
    await initBackend({ backend: "wasm" });
  });
});
