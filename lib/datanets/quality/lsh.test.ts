import { describe, expect, it } from "vitest";
import { BANDS, lshBandKeys, NearDuplicateIndex, ROWS_PER_BAND } from "./lsh";
import { minhashSignature, NUM_PERMUTATIONS } from "./minhash";

const text = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `t${(i + offset) * 104729}`).join(" ");

describe("LSH", () => {
  it("uses 21 bands of 6 within the 128 values", () => {
    expect(BANDS * ROWS_PER_BAND).toBeLessThanOrEqual(NUM_PERMUTATIONS);
    const keys = lshBandKeys(minhashSignature({ text: text(20) }));
    expect(keys.length).toBe(BANDS);
    expect(() => lshBandKeys(new Uint32Array(4))).toThrow(RangeError);
  });

  it("S-curve: finds almost every pair at J ≥ 0.8, few at J ≈ 0.3", () => {
    const p = (s: number) => 1 - (1 - s ** ROWS_PER_BAND) ** BANDS;
    expect(p(0.8)).toBeGreaterThan(0.998);
    expect(p(0.3)).toBeLessThan(0.02);
  });

  it("finds near-duplicates, returns the best twin, and ignores unrelated rows", () => {
    const index = new NearDuplicateIndex<string>();
    for (let i = 0; i < 2000; i++) index.add(`row${i}`, minhashSignature({ text: text(60, i * 1000) }));
    expect(index.size).toBe(2000);
    const words = text(60, 1234 * 1000).split(" ");
    words[30] = "edited";
    const match = index.query(minhashSignature({ text: words.join(" ") }));
    expect(match?.ref).toBe("row1234");
    expect(match?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(index.query(minhashSignature({ text: text(60, 99_999_000) }))).toBeNull();
    expect(index.query(minhashSignature({ text: "" }))).toBeNull();
    expect(index.add("empty", minhashSignature({ text: "" }))).toBe(-1);
  });

  it("recall at J ≈ 0.8–0.85 over many pairs is high", () => {
    const index = new NearDuplicateIndex<number>();
    const originals: string[][] = [];
    for (let i = 0; i < 300; i++) {
      const w = text(100, i * 1000).split(" ");
      originals.push(w);
      index.add(i, minhashSignature({ text: w.join(" ") }));
    }
    let found = 0;
    originals.forEach((w, i) => {
      const edited = [...w];
      edited[20] = "x1";
      edited[60] = "x2"; // 2 edits in 100 words: 6 of 98 shingles change, J = 92/104 ≈ 0.885
      if (index.query(minhashSignature({ text: edited.join(" ") }))?.ref === i) found++;
    });
    expect(found).toBeGreaterThanOrEqual(290);
  });
});
