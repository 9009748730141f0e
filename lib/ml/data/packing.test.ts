import { describe, expect, it } from "vitest";
import { createByteTokenizer } from "../tokenizers/byte";
import { packDocuments, packTokens, tokenizeDocuments, windowAt } from "./packing";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("packTokens", () => {
  it("cuts non-overlapping windows and drops the short tail", () => {
    const packed = packTokens(range(10), { windowLength: 4 });
    expect(packed.count).toBe(2);
    expect(Array.from(windowAt(packed, 0).ids)).toEqual([0, 1, 2, 3]);
    expect(Array.from(windowAt(packed, 1).ids)).toEqual([4, 5, 6, 7]);
    expect(packed.mask.every((m) => m === 1)).toBe(true);
  });

  it("overlaps windows with a smaller stride", () => {
    const packed = packTokens(range(10), { windowLength: 4, stride: 3 });
    expect(packed.count).toBe(3);
    expect(Array.from(windowAt(packed, 2).ids)).toEqual([6, 7, 8, 9]);
  });

  it("pads the tail with padId under a zero mask", () => {
    const packed = packTokens(range(10), { windowLength: 4, stride: 3, remainder: "pad", padId: -1 });
    expect(packed.count).toBe(3);
    const exact = packTokens(range(11), { windowLength: 4, stride: 3, remainder: "pad", padId: -1 });
    expect(exact.count).toBe(4);
    expect(Array.from(windowAt(exact, 3).ids)).toEqual([9, 10, -1, -1]);
    expect(Array.from(windowAt(exact, 3).mask)).toEqual([1, 1, 0, 0]);
    const short = packTokens(range(2), { windowLength: 4, remainder: "pad", padId: 0 });
    expect(short.count).toBe(1);
    expect(packTokens([], { windowLength: 4, remainder: "pad", padId: 0 }).count).toBe(0);
    expect(packTokens(range(3), { windowLength: 4 }).count).toBe(0);
  });

  it("masks overlap so each token is scored once, on request", () => {
    const packed = packTokens(range(10), { windowLength: 4, stride: 3, remainder: "pad", padId: 0, maskOverlap: true });
    let covered = 0;
    for (let k = 0; k < packed.count; k++) covered += windowAt(packed, k).mask.reduce((a, b) => a + b, 0);
    expect(covered).toBe(10);
    expect(Array.from(windowAt(packed, 1).mask)).toEqual([0, 1, 1, 1]);
  });

  it("validates its options", () => {
    expect(() => packTokens(range(4), { windowLength: 0 })).toThrow(RangeError);
    expect(() => packTokens(range(4), { windowLength: 4, stride: 5 })).toThrow(/stride/);
    expect(() => packTokens(range(4), { windowLength: 4, remainder: "pad" })).toThrow(/padId/);
    expect(() => windowAt(packTokens(range(4), { windowLength: 4 }), 1)).toThrow(RangeError);
  });
});

describe("packDocuments", () => {
  const tok = createByteTokenizer();

  it("joins documents with EOS", () => {
    expect(Array.from(tokenizeDocuments(tok, ["ab", "c"]))).toEqual([97, 98, 257, 99, 257]);
    expect(Array.from(tokenizeDocuments(tok, ["ab"], { addBos: true, separatorId: null }))).toEqual([256, 97, 98]);
  });

  it("packs the stream into windows, padding with the tokenizer's PAD", () => {
    const packed = packDocuments(tok, ["hello", "world"], { windowLength: 8, remainder: "pad" });
    expect(packed.count).toBe(2);
    expect(tok.decode(windowAt(packed, 0).ids)).toBe("hello<|eos|>wo");
    expect(tok.decode(windowAt(packed, 1).ids)).toBe("rld<|eos|><|pad|><|pad|><|pad|><|pad|>");
    expect(Array.from(windowAt(packed, 1).mask)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
  });
});
