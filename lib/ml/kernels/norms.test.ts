import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { geluErf, geluTanh, silu } from "./activations";
import { layerNorm, rmsNorm } from "./norms";
import { randomTensor, relativeDifference } from "./test-helpers";

type Fn = (...xs: tf.Tensor[]) => tf.Tensor;

/** Value and every input gradient of sum(f(...) · r) agree with the reference within 1e-5 relative. */
function expectSame(ours: Fn, reference: Fn, inputs: tf.Tensor[]): void {
  const r = randomTensor(ours(...inputs).shape, 99);
  const loss =
    (f: Fn) =>
    (...xs: tf.Tensor[]) =>
      tf.sum(tf.mul(f(...xs), r)) as tf.Scalar;
  expect(relativeDifference(ours(...inputs), reference(...inputs))).toBeLessThan(1e-5);
  const got = tf.grads(loss(ours))(inputs);
  const want = tf.grads(loss(reference))(inputs);
  got.forEach((g, i) => {
    expect(relativeDifference(g, want[i] as tf.Tensor)).toBeLessThan(1e-5);
  });
}

describe.each(["wasm", "cpu"] as const)("norms and activations on %s", (backend) => {
  beforeAll(async () => {
    await initBackend({ backend });
  });

  it("layerNorm matches the moments formula", () => {
    tf.tidy(() => {
      const reference: Fn = (x, w, b) => {
        const { mean, variance } = tf.moments(x, -1, true);
        return x.sub(mean).div(variance.add(1e-5).sqrt()).mul(w).add(b);
      };
      const ours: Fn = (x, w, b) => layerNorm(x, w as tf.Tensor1D, b as tf.Tensor1D, 1e-5);
      expectSame(ours, reference, [randomTensor([3, 4, 8], 1, 3), randomTensor([8], 2), randomTensor([8], 3)]);
    });
  });

  it("rmsNorm matches x·rsqrt(mean(x²) + eps)·w", () => {
    tf.tidy(() => {
      const reference: Fn = (x, w) => x.mul(x.square().mean(-1, true).add(1e-6).rsqrt()).mul(w);
      const ours: Fn = (x, w) => rmsNorm(x, w as tf.Tensor1D, 1e-6);
      expectSame(ours, reference, [randomTensor([5, 8], 4, 2), randomTensor([8], 5)]);
    });
  });

  it("geluTanh matches 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³)))", () => {
    tf.tidy(() => {
      const c = Math.sqrt(2 / Math.PI);
      const reference: Fn = (x) => x.mul(0.5).mul(tf.tanh(x.add(x.pow(3).mul(0.044715)).mul(c)).add(1));
      expectSame(geluTanh, reference, [randomTensor([4, 16], 6, 3)]);
    });
  });

  it("geluErf and silu match their definitions", () => {
    tf.tidy(() => {
      const x = randomTensor([4, 16], 7, 3);
      const gelu: Fn = (t) => t.mul(tf.sigmoid(t.mul(1.702)));
      expect(relativeDifference(geluErf(x), gelu(x))).toBeLessThan(0.05); // the sigmoid approximation
      expectSame(silu, (t) => t.div(tf.exp(t.neg()).add(1)), [x]);
    });
  });
});
