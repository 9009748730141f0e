import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { linear } from "./linear";
import { matMul, matMulTransposed } from "./matmul";
import { randomTensor, relativeDifference } from "./test-helpers";
import { transpose2d } from "./transpose";

describe.each(["wasm", "cpu"] as const)("matMul on %s", (backend) => {
  beforeAll(async () => {
    await initBackend({ backend });
  });

  it("gives tf.matMul's value and gradients", () => {
    tf.tidy(() => {
      const a = randomTensor([6, 5], 1) as tf.Tensor2D;
      const b = randomTensor([5, 7], 2) as tf.Tensor2D;
      const r = randomTensor([6, 7], 3);
      const loss = (f: typeof matMul) => (x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.mul(f(x as tf.Tensor2D, y as tf.Tensor2D), r)) as tf.Scalar;
      const [da, db] = tf.grads(loss(matMul))([a, b]);
      const [ra, rb] = tf.grads(loss((x, y) => tf.matMul(x, y)))([a, b]);
      expect(relativeDifference(matMul(a, b), tf.matMul(a, b))).toBeLessThan(1e-6);
      expect(relativeDifference(da as tf.Tensor, ra as tf.Tensor)).toBeLessThan(1e-5);
      expect(relativeDifference(db as tf.Tensor, rb as tf.Tensor)).toBeLessThan(1e-5);
    });
  });

  it("computes no gradient for a weight nothing asks about", async () => {
    const x = tf.variable(randomTensor([4, 8], 4));
    const frozen = tf.variable(randomTensor([8, 3], 5));
    const profile = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(() => tf.sum(matMul(x as tf.Tensor2D, frozen as tf.Tensor2D)), [x]);
      tf.dispose([value, grads]);
    });
    // One product forward, one for dx: none for the frozen weight.
    const products = profile.kernels.filter((k) => k.name === "LibMlMatMul" || k.name === "BatchMatMul");
    expect(products).toHaveLength(2);
    tf.dispose([x, frozen]);
  });

  it.each([
    ["a transposed table (training)", [64, 8], [32, 8]],
    ["a transposed product (decoding with a large vocabulary)", [2, 8], [300, 8]],
  ])("multiplies by a transposed matrix either way: %s", (_, aShape, bShape) => {
    tf.tidy(() => {
      const a = randomTensor(aShape, 9) as tf.Tensor2D;
      const b = randomTensor(bShape, 10) as tf.Tensor2D;
      const r = randomTensor([aShape[0] as number, bShape[0] as number], 11);
      const loss = (f: typeof matMulTransposed) => (x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.mul(f(x as tf.Tensor2D, y as tf.Tensor2D), r)) as tf.Scalar;
      const reference = (x: tf.Tensor2D, y: tf.Tensor2D) => tf.matMul(x, y, false, true) as tf.Tensor2D;
      expect(relativeDifference(matMulTransposed(a, b), reference(a, b))).toBeLessThan(1e-6);
      const got = tf.grads(loss(matMulTransposed))([a, b]);
      const want = tf.grads(loss(reference))([a, b]);
      got.forEach((g, i) => {
        expect(relativeDifference(g, want[i] as tf.Tensor)).toBeLessThan(1e-5);
      });
    });
  });

  it("adds the bias in linear", () => {
    tf.tidy(() => {
      const x = randomTensor([3, 4], 6) as tf.Tensor2D;
      const w = randomTensor([4, 2], 7) as tf.Tensor2D;
      const bias = tf.tensor1d([0.5, -1]);
      expect(relativeDifference(linear(x, w, bias), tf.add(tf.matMul(x, w), bias))).toBeLessThan(1e-6);
    });
  });

  it("transposes blocked and small matrices exactly", () => {
    tf.tidy(() => {
      for (const shape of [
        [64, 96],
        [5, 3],
      ]) {
        const x = randomTensor(shape, 8) as tf.Tensor2D;
        expect(relativeDifference(transpose2d(x), tf.transpose(x))).toBe(0);
      }
    });
  });
});
