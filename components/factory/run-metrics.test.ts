import { describe, expect, it } from "vitest";
import type { MetricPoint } from "./api";
import { lastStepOf, mergeMetrics } from "./run-metrics";

const point = (step: number, loss = 1): MetricPoint => ({
  step,
  epoch: 0,
  loss,
  valLoss: null,
  tokensPerSecond: 100,
  at: "2026-01-01T00:00:00.000Z",
});

describe("mergeMetrics", () => {
  it("appends the points after the known ones", () => {
    expect(mergeMetrics([point(1), point(2)], [point(3)]).map((p) => p.step)).toEqual([1, 2, 3]);
    expect(mergeMetrics([point(1)], [])).toEqual([point(1)]);
  });

  it("replaces retrained steps after a resume from an earlier checkpoint", () => {
    const merged = mergeMetrics([point(1), point(2), point(3, 9)], [point(3, 0.5), point(4)]);
    expect(merged.map((p) => [p.step, p.loss])).toEqual([
      [1, 1],
      [2, 1],
      [3, 0.5],
      [4, 1],
    ]);
  });

  it("asks for the whole history before any point is known", () => {
    expect(lastStepOf([])).toBeUndefined();
    expect(lastStepOf([point(1), point(7)])).toBe(7);
  });
});
