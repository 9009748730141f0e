import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { AdamW } from "./adamw";
import { clipByGlobalNorm, globalNorm } from "./clip";
import { learningRateAt } from "./schedule";

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
});

describe("AdamW", () => {
  const p0 = [1, -2, 0.5, 3];
  const g1 = [0.5, 0.1, -0.3, 0];
  const g2 = [-0.2, 0.4, -0.3, 1];
  let w: tf.Variable;
  let b: tf.Variable;
  afterAll(() => {
    w.dispose();
    b.dispose();
  });

  it("matches two hand-computed steps, with decay on matrices only", () => {
    w = tf.variable(tf.tensor2d(p0, [2, 2]));
    b = tf.variable(tf.tensor1d(p0));
    const params = new Map([
      ["w", w],
      ["b", b],
    ]);
    const [lr, beta1, beta2, eps, decay] = [0.1, 0.9, 0.999, 1e-8, 0.05];
    const optimizer = new AdamW({ beta1, beta2, epsilon: eps, weightDecay: decay });
    // By hand (PyTorch's AdamW): p ← p(1 − lr·λ) − lr·m̂/(√v̂ + ε).
    const expected = (withDecay: boolean) => {
      let p = [...p0];
      const m = [0, 0, 0, 0];
      const v = [0, 0, 0, 0];
      [g1, g2].forEach((g, i) => {
        const t = i + 1;
        p = p.map((x, j) => {
          const gj = g[j] as number;
          m[j] = beta1 * (m[j] as number) + (1 - beta1) * gj;
          v[j] = beta2 * (v[j] as number) + (1 - beta2) * gj * gj;
          const mHat = (m[j] as number) / (1 - beta1 ** t);
          const vHat = (v[j] as number) / (1 - beta2 ** t);
          return x * (withDecay ? 1 - lr * decay : 1) - (lr * mHat) / (Math.sqrt(vHat) + eps);
        });
      });
      return p;
    };
    for (const g of [g1, g2]) {
      const grads = new Map<string, tf.Tensor>([
        ["w", tf.tensor2d(g, [2, 2])],
        ["b", tf.tensor1d(g)],
      ]);
      optimizer.apply(params, grads, lr);
      for (const t of grads.values()) t.dispose();
    }
    const want = expected(true);
    const wantBias = expected(false);
    expect([...w.dataSync()]).toEqual(want.map((x) => expect.closeTo(x, 6)));
    expect([...b.dataSync()]).toEqual(wantBias.map((x) => expect.closeTo(x, 6)));
    // Decay made a difference where it applies.
    expect(Math.abs((want[3] as number) - (wantBias[3] as number))).toBeGreaterThan(1e-4);
    expect(optimizer.step).toBe(2);
    const state = optimizer.state();
    expect(state.m.get("w")?.length).toBe(4);
    optimizer.dispose();
  });

  it("restores its state so the next update is the same", () => {
    const p = tf.variable(tf.tensor1d([1, 2, 3]));
    const params = new Map([["p", p]]);
    const grad = () => new Map<string, tf.Tensor>([["p", tf.tensor1d([0.1, -0.2, 0.3])]]);
    const a = new AdamW();
    for (let i = 0; i < 3; i++) a.apply(params, grad(), 0.01);
    const saved = a.state();
    const before = p.dataSync().slice();
    a.apply(params, grad(), 0.01);
    const afterA = p.dataSync().slice();
    p.assign(tf.tensor1d(before));
    const b2 = new AdamW();
    b2.load(saved, params);
    b2.apply(params, grad(), 0.01);
    expect([...p.dataSync()]).toEqual([...afterA]);
    a.dispose();
    b2.dispose();
    p.dispose();
  });
});

describe("learning-rate schedule", () => {
  const options = { peak: 1e-3, warmupSteps: 10, totalSteps: 110, floorRatio: 0.1 };
  it("warms up linearly, decays by a cosine to the floor and stays there", () => {
    expect(learningRateAt(1, options)).toBeCloseTo(1e-4, 12);
    expect(learningRateAt(5, options)).toBeCloseTo(5e-4, 12);
    expect(learningRateAt(10, options)).toBeCloseTo(1e-3, 12);
    expect(learningRateAt(60, options)).toBeCloseTo(1e-4 + (1e-3 - 1e-4) / 2, 12);
    expect(learningRateAt(110, options)).toBeCloseTo(1e-4, 12);
    expect(learningRateAt(500, options)).toBeCloseTo(1e-4, 12);
  });
  it("without warmup starts at the peak", () => {
    expect(learningRateAt(0, { peak: 2, totalSteps: 10, floorRatio: 0 })).toBe(2);
    expect(learningRateAt(10, { peak: 2, totalSteps: 10, floorRatio: 0 })).toBeCloseTo(0, 12);
  });
});

describe("global-norm clipping", () => {
  it("scales every gradient so the global norm is the maximum, and leaves small ones alone", () => {
    const grads = new Map<string, tf.Tensor>([
      ["a", tf.tensor1d([3, 0])],
      ["b", tf.tensor2d([0, 4], [1, 2])],
    ]);
    expect(globalNorm(grads)).toBeCloseTo(5, 6);
    expect(clipByGlobalNorm(grads, 1)).toBeCloseTo(5, 6);
    expect(globalNorm(grads)).toBeCloseTo(1, 5);
    expect([...(grads.get("a")?.dataSync() ?? [])]).toEqual([expect.closeTo(0.6, 6), 0]);
    expect(clipByGlobalNorm(grads, 10)).toBeCloseTo(1, 5);
    expect(globalNorm(grads)).toBeCloseTo(1, 5);
    for (const g of grads.values()) g.dispose();
  });
});
