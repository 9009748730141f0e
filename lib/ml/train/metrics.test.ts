import { describe, expect, it } from "vitest";
import { accuracy, classificationMetrics, confusionMatrix, macroF1 } from "./metrics";

describe("classification metrics", () => {
  // actual:    0 0 0 1 1 2
  // predicted: 0 0 1 1 0 2
  const actual = [0, 0, 0, 1, 1, 2];
  const predicted = [0, 0, 1, 1, 0, 2];

  it("counts a confusion matrix (rows true, columns predicted)", () => {
    expect(confusionMatrix(predicted, actual, 3)).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
  });

  it("computes accuracy, per-class precision/recall/F1 and macro-F1 by hand", () => {
    const m = classificationMetrics(predicted, actual, 3);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    // class 0: P = 2/3, R = 2/3, F1 = 2/3; class 1: P = 1/2, R = 1/2; class 2: 1, 1.
    expect(m.perClass[0]?.precision).toBeCloseTo(2 / 3, 12);
    expect(m.perClass[0]?.recall).toBeCloseTo(2 / 3, 12);
    expect(m.perClass[0]?.f1).toBeCloseTo(2 / 3, 12);
    expect(m.perClass[1]?.f1).toBeCloseTo(1 / 2, 12);
    expect(m.perClass[2]).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
    expect(m.macroF1).toBeCloseTo((2 / 3 + 1 / 2 + 1) / 3, 12);
  });

  it("gives F1 0, not NaN, to a class never predicted and to a class absent", () => {
    // Class 1 occurs but is never predicted; class 2 neither occurs nor is predicted.
    const m = classificationMetrics([0, 0, 0, 0], [0, 0, 1, 1], 3);
    expect(m.perClass[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 2 });
    expect(m.perClass[2]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    // class 0: P = 2/4, R = 1, F1 = 2/3.
    expect(m.perClass[0]?.f1).toBeCloseTo(2 / 3, 12);
    expect(m.macroF1).toBeCloseTo(2 / 9, 12);
    expect(Number.isNaN(m.macroF1)).toBe(false);
    expect(macroF1([0, 0, 0, 0], [0, 0, 1, 1], 3)).toBeCloseTo(2 / 9, 12);
  });

  it("rejects mismatched lengths and labels out of range", () => {
    expect(() => accuracy([0], [0, 1])).toThrow();
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/outside/);
  });
});
