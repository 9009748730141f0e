import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { matMul } from "../kernels/matmul";
import { relativeDifference } from "../kernels/test-helpers";
import { createLoraAdapter, disposeAdapter, type LoraAdapter } from "../lora/adapter";
import { classify, lastTokenIndices } from "./classify";
import { hiddenStates } from "./forward";
import { CLASSIFIER } from "./param-names";
import { disposeParams, initParams, type ModelParams } from "./params";
import { TINY_LLAMA, tokenRows } from "./test-configs";

const PAD = 0;

describe("sequence classification", () => {
  let params: ModelParams;
  let adapter: LoraAdapter;

  beforeAll(async () => {
    await initBackend({ backend: "wasm" });
    params = initParams(TINY_LLAMA, { seed: 2 });
    adapter = createLoraAdapter(
      TINY_LLAMA,
      { rank: 2, alpha: 2, dropout: 0, targetModules: ["q", "v"] },
      { numLabels: 3 },
    );
  });
  afterAll(() => {
    disposeParams(params);
    disposeAdapter(adapter);
  });

  it("finds each row's last non-padding token", () => {
    tf.tidy(() => {
      const tokens = tf.tensor2d(
        [
          [5, 6, 7, PAD],
          [5, PAD, 7, 8],
          [PAD, PAD, PAD, PAD],
        ],
        [3, 4],
        "int32",
      );
      expect(lastTokenIndices(tokens, PAD)).toEqual([2, 3, 0]);
      expect(lastTokenIndices(tokens, undefined)).toEqual([3, 3, 3]);
    });
  });

  it("reads the head off the last real token's hidden state: [B, numLabels]", () => {
    tf.tidy(() => {
      const rows = tokenRows(2, 6, 40).map((row) => row.map((id) => (id % 39) + 1));
      (rows[0] as number[]).splice(4, 2, PAD, PAD);
      const tokens = tf.tensor2d(rows, [2, 6], "int32");
      const logits = classify(params, TINY_LLAMA, tokens, { adapter, padTokenId: PAD });
      expect(logits.shape).toEqual([2, 3]);
      const hidden = hiddenStates(params, TINY_LLAMA, tokens, { adapter });
      const head = adapter.params.get(CLASSIFIER) as tf.Tensor2D;
      const pooled = tf
        .concat([hidden.slice([0, 3, 0], [1, 1, 16]), hidden.slice([1, 5, 0], [1, 1, 16])])
        .reshape([2, 16]);
      expect(relativeDifference(logits, matMul(pooled as tf.Tensor2D, head))).toBeLessThan(1e-6);
    });
  });

  it("trains the head and the adapter through the pooled states", () => {
    tf.tidy(() => {
      const tokens = tf.tensor2d(tokenRows(2, 5, 40, 3), [2, 5], "int32");
      const labels = tf.oneHot(tf.tensor1d([0, 2], "int32"), 3);
      const { grads } = tf.variableGrads(
        () => tf.losses.softmaxCrossEntropy(labels, classify(params, TINY_LLAMA, tokens, { adapter })) as tf.Scalar,
        [...adapter.params.values()],
      );
      const head = adapter.params.get(CLASSIFIER) as tf.Variable;
      expect(
        tf
          .abs(grads[head.name] as tf.Tensor)
          .max()
          .dataSync()[0],
      ).toBeGreaterThan(0);
      expect(Object.keys(grads)).toHaveLength(adapter.params.size);
    });
  });
});
