import { describe, expect, it } from "vitest";
import { uniformGenerator } from "../kernels/random";
import { argmax, sampleToken, validateSampling } from "./sampling";
import { StopText } from "./stop-text";

const logits = Float32Array.from([0.1, 2, -1, 2, 0.5, 1.9]);

describe("sampleToken", () => {
  it("is greedy at temperature 0, and with top-k 1 or a tiny top-p (first index on ties)", () => {
    expect(argmax(logits)).toBe(1);
    const random = uniformGenerator(5);
    expect(sampleToken(logits, { temperature: 0 }, random)).toBe(1);
    for (let i = 0; i < 20; i++) {
      expect(sampleToken(logits, { temperature: 1.3, topK: 1 }, random)).toBe(1);
      expect(sampleToken(logits, { temperature: 1.3, topP: 1e-6 }, random)).toBe(1);
    }
  });

  it("draws the same tokens from the same seed, and keeps to the top-k and top-p sets", () => {
    const draw = (seed: number, options = {}) => {
      const random = uniformGenerator(seed);
      return Array.from({ length: 200 }, () => sampleToken(logits, options, random));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(new Set(draw(7))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(new Set(draw(7, { topK: 3 }))).toEqual(new Set([1, 3, 5]));
    // Probabilities ∝ e^logit: ids 1 and 3 hold ~0.57 together, so p = 0.5 keeps exactly them.
    expect(new Set(draw(7, { topP: 0.5 }))).toEqual(new Set([1, 3]));
  });

  it("follows the softmax: frequencies near the probabilities at temperature 1", () => {
    const random = uniformGenerator(1);
    const counts = new Array<number>(logits.length).fill(0);
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const id = sampleToken(logits, {}, random);
      counts[id] = (counts[id] ?? 0) + 1;
    }
    const weights = Array.from(logits, Math.exp);
    const total = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, id) => {
      expect(Math.abs((counts[id] as number) / n - w / total)).toBeLessThan(0.015);
    });
  });

  it("refuses options out of range", () => {
    expect(() => validateSampling({ temperature: -1 })).toThrow(RangeError);
    expect(() => validateSampling({ topK: 1.5 })).toThrow(RangeError);
    expect(() => validateSampling({ topP: 0 })).toThrow(RangeError);
    expect(() => validateSampling({ topP: 1.1 })).toThrow(RangeError);
  });
});

describe("StopText", () => {
  it("holds back a possible stop-sequence start and never releases the stop sequence", () => {
    const stop = new StopText(["END", "\n\n"]);
    expect(stop.push("abc E")).toEqual({ text: "abc ", stopped: false });
    expect(stop.push("N")).toEqual({ text: "", stopped: false });
    expect(stop.push("x")).toEqual({ text: "ENx", stopped: false });
    expect(stop.push("y\n")).toEqual({ text: "y", stopped: false });
    expect(stop.push("\nz")).toEqual({ text: "", stopped: true });
  });

  it("stops at the earliest stop sequence and flushes what is held at the end", () => {
    const stop = new StopText(["bc", "ab"]);
    expect(stop.push("xabc")).toEqual({ text: "x", stopped: true });
    const other = new StopText(["bc"]);
    expect(other.push("xb")).toEqual({ text: "x", stopped: false });
    expect(other.flush()).toBe("b");
    expect(() => new StopText([""])).toThrow(RangeError);
  });
});
