import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { groupedAttention } from "./attention";
import { randomTensor, relativeDifference } from "./test-helpers";

/** Plain tf: keys and values repeated per query head, transposed matmuls, softmax. */
function referenceAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, bias: tf.Tensor, scale: number): tf.Tensor {
  const [batch, kvHeads, groups, queries, headDim] = q.shape as number[] as [number, number, number, number, number];
  const keys = k.shape[2] as number;
  const repeat = (t: tf.Tensor) =>
    tf.tile(t.reshape([batch * kvHeads, 1, keys, headDim]), [1, groups, 1, 1]).reshape([-1, keys, headDim]);
  const scores = tf.matMul(q.reshape([-1, queries, headDim]), repeat(k), false, true).mul(scale);
  const probs = tf.softmax(scores.reshape([batch, kvHeads, groups, queries, keys]).add(bias));
  return tf.matMul(probs.reshape([-1, queries, keys]), repeat(v)).reshape(q.shape);
}

function causalBias(queries: number, keys: number): tf.Tensor2D {
  const values = new Float32Array(queries * keys);
  for (let i = 0; i < queries; i++) {
    for (let j = 0; j < keys; j++) values[i * keys + j] = j <= keys - queries + i ? 0 : -1e9;
  }
  return tf.tensor2d(values, [queries, keys]);
}

describe.each(["wasm", "cpu"] as const)("groupedAttention on %s", (backend) => {
  beforeAll(async () => {
    await initBackend({ backend });
  });

  it.each([
    ["multi-head, causal", 1, 5, 5],
    ["grouped queries, two new tokens after three cached", 3, 2, 5],
  ])("matches plain tf in value and gradients (%s)", (_, groups, queries, keys) => {
    tf.tidy(() => {
      const q = randomTensor([2, 2, groups, queries, 4], 1);
      const k = randomTensor([2, 2, keys, 4], 2);
      const v = randomTensor([2, 2, keys, 4], 3);
      const r = randomTensor(q.shape, 4);
      const bias = causalBias(queries, keys);
      const lossOf = (f: typeof referenceAttention) => (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
        tf.sum(tf.mul(f(a, b, c, bias, 0.5), r)) as tf.Scalar;
      const ours = lossOf((a, b, c, m, s) =>
        groupedAttention(a as tf.Tensor5D, b as tf.Tensor4D, c as tf.Tensor4D, m, s),
      );
      expect(relativeDifference(ours(q, k, v), lossOf(referenceAttention)(q, k, v))).toBeLessThan(1e-5);
      const got = tf.grads(ours)([q, k, v]);
      const want = tf.grads(lossOf(referenceAttention))([q, k, v]);
      got.forEach((g, i) => {
        expect(relativeDifference(g, want[i] as tf.Tensor)).toBeLessThan(1e-5);
      });
    });
  });
});
