import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { embedding } from "./embedding";
import { randomTensor, relativeDifference } from "./test-helpers";

describe.each(["wasm", "cpu"] as const)("embedding on %s", (backend) => {
  beforeAll(async () => {
    await initBackend({ backend });
  });

  it("looks rows up like tf.gather and scatters gradients like a one-hot product", () => {
    tf.tidy(() => {
      const table = randomTensor([10, 4], 1);
      const ids = tf.tensor2d(
        [
          [1, 3, 1],
          [9, 0, 1],
        ],
        [2, 3],
        "int32",
      );
      const r = randomTensor([2, 3, 4], 2);
      expect(relativeDifference(embedding(table as tf.Tensor2D, ids), tf.gather(table, ids))).toBe(0);

      const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(embedding(t as tf.Tensor2D, ids), r)))(table);
      // Reference: the lookup as one-hot [6, 10] @ table, with plain tf gradients (repeated ids add up).
      const oneHot = tf.cast(tf.oneHot(ids.reshape([-1]), 10), "float32");
      const reference = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.matMul(oneHot, t), r.reshape([6, 4]))))(table);
      expect(relativeDifference(grad, reference)).toBeLessThan(1e-6);
    });
  });

  it("rejects float ids", () => {
    tf.tidy(() => {
      expect(() => embedding(tf.zeros([3, 2]), tf.tensor1d([0, 1]))).toThrow(/int32/);
    });
  });
});
