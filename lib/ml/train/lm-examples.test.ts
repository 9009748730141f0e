import { describe, expect, it } from "vitest";
import { packTokens } from "../data/packing";
import { batchWeight } from "./batch";
import { examplesFromInstructions, examplesFromWindows, lmBatches, lmSource, packLmBatch } from "./lm-examples";

describe("LM examples and sources", () => {
  it("turns packed windows into shifted rows whose padding weighs nothing", () => {
    const packed = packTokens([1, 2, 3, 4, 5, 6, 7], { windowLength: 4, remainder: "pad", padId: 0 });
    const rows = examplesFromWindows(packed);
    expect(rows.map((r) => Array.from(r.inputs))).toEqual([
      [1, 2, 3],
      [5, 6, 7],
    ]);
    expect(rows.map((r) => Array.from(r.targets))).toEqual([
      [2, 3, 4],
      [6, 7, 0],
    ]);
    expect(rows.map((r) => Array.from(r.weights))).toEqual([
      [1, 1, 1],
      [1, 1, 0],
    ]);
  });

  it("weights only completion targets of instruction pairs", () => {
    const [row] = examplesFromInstructions([{ ids: [9, 10, 11, 12, 13], lossMask: [0, 0, 0, 1, 1] }]);
    expect(row).toEqual({ inputs: [9, 10, 11, 12], targets: [10, 11, 12, 13], weights: [0, 0, 1, 1] });
  });

  it("right-pads rows into a batch and rejects a row longer than the batch", () => {
    const rows = [
      { inputs: [1, 2], targets: [2, 3], weights: [0, 1] },
      { inputs: [4, 5, 6], targets: [5, 6, 7], weights: [1, 1, 1] },
    ];
    const batch = packLmBatch(rows, 3, 0);
    expect([...batch.tokens]).toEqual([1, 2, 0, 4, 5, 6]);
    expect([...batch.targets]).toEqual([2, 3, 0, 5, 6, 7]);
    expect([...(batch.weights ?? [])]).toEqual([0, 1, 0, 1, 1, 1]);
    expect(batchWeight(batch)).toBe(4);
    expect(() => packLmBatch(rows, 2, 0)).toThrow(/LM row 1: 3 inputs.*≤ 2/);
    expect(lmBatches(rows, { batch: 1, length: 3, padId: 0 }).map((b) => b.batch)).toEqual([1, 1]);
  });

  it("serves shuffled passes and resumes from a saved position to the same batches", () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ inputs: [i], targets: [i + 1], weights: [1] }));
    const options = { batch: 2, length: 1, padId: 0, shuffleSeed: 3 };
    const a = lmSource(rows, options);
    const firstPass = [a.next(), a.next()].flatMap((b) => [...b.tokens]);
    const saved = a.position();
    const rest = [a.next(), a.next(), a.next()].map((b) => [...b.tokens]);
    const b = lmSource(rows, options);
    b.seek(saved);
    expect([b.next(), b.next(), b.next()].map((x) => [...x.tokens])).toEqual(rest);
    // The first pass serves every row once, in a shuffled order.
    const served = [...firstPass, ...(rest[0] as number[]).slice(0, 1)];
    expect([...served].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(served).not.toEqual([0, 1, 2, 3, 4]);
    expect(() => b.seek("x")).toThrow(/lmSource: bad position/);
  });
});
