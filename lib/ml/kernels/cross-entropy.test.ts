import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { crossEntropy } from "./cross-entropy";
import { randomTensor, relativeDifference } from "./test-helpers";

describe.each(["wasm", "cpu"] as const)("crossEntropy on %s", (backend) => {
  beforeAll(async () => {
    await initBackend({ backend });
  });

  const targets = () => tf.tensor1d([0, 3, 5, 5, 1, 2], "int32");

  it("equals tf.losses.softmaxCrossEntropy in value and gradient", () => {
    tf.tidy(() => {
      const logits = randomTensor([6, 7], 1, 4) as tf.Tensor2D;
      const oneHot = tf.oneHot(targets(), 7);
      const reference = (z: tf.Tensor) => tf.losses.softmaxCrossEntropy(oneHot, z) as tf.Scalar;
      const ours = (z: tf.Tensor) => crossEntropy(z as tf.Tensor2D, targets());
      expect(relativeDifference(ours(logits), reference(logits))).toBeLessThan(1e-6);
      expect(relativeDifference(tf.grad(ours)(logits), tf.grad(reference)(logits))).toBeLessThan(1e-5);
    });
  });

  it("weights positions: zero weights leave them out", () => {
    tf.tidy(() => {
      const logits = randomTensor([6, 7], 2, 4) as tf.Tensor2D;
      const weights = tf.tensor1d([0, 1, 1, 0, 2, 0]);
      const reference = (z: tf.Tensor) =>
        tf.div(
          tf.losses.softmaxCrossEntropy(tf.oneHot(targets(), 7), z, weights, 0, tf.Reduction.SUM),
          tf.sum(weights),
        ) as tf.Scalar;
      const ours = (z: tf.Tensor) => crossEntropy(z as tf.Tensor2D, targets(), weights);
      expect(relativeDifference(ours(logits), reference(logits))).toBeLessThan(1e-6);
      expect(relativeDifference(tf.grad(ours)(logits), tf.grad(reference)(logits))).toBeLessThan(1e-5);
    });
  });

  it("stays finite where a target's probability underflows", () => {
    tf.tidy(() => {
      const logits = tf.tensor2d([[200, -200, 0]]);
      const loss = crossEntropy(logits, tf.tensor1d([1], "int32")).dataSync()[0];
      expect(loss).toBeCloseTo(400, 3);
    });
  });
});
