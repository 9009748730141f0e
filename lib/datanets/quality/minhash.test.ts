import { describe, expect, it } from "vitest";
import {
  estimateJaccard,
  exactJaccard,
  isEmptySignature,
  minhashSignature,
  minhashText,
  minhashUsesSimd,
  NUM_PERMUTATIONS,
  SHORT_TEXT_WORDS,
  shingleHashes,
  signatureFromBase64,
  signatureFromBytes,
  signatureOf,
  signatureOfJs,
  signatureToBase64,
  signatureToBytes,
} from "./minhash";

const words = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `w${(i + offset) * 7919}x`);

describe("minhash", () => {
  it("computes the same signatures with the SIMD kernel and the JS loop", () => {
    expect(minhashUsesSimd).toBe(true);
    let seed = 1;
    const next = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed;
    };
    for (const size of [0, 1, 3, 4, 5, 85, 1000, 20_000]) {
      const shingles = Array.from({ length: size }, next);
      expect(signatureOf(shingles)).toEqual(signatureOfJs(shingles));
    }
  });

  it("is deterministic and pinned (signatures are stored)", () => {
    const a = minhashSignature({ text: "the quick brown fox jumps over the lazy dog again and again today" });
    const b = minhashSignature({ text: "The quick, brown fox jumps over the lazy dog again and again today!" });
    expect(a).toEqual(b);
    expect(a.length).toBe(NUM_PERMUTATIONS);
    expect(signatureToBase64(a).slice(0, 24)).toMatchInlineSnapshot(`"WoLbAq6pHiqgcmYTI1hmOpWX"`);
  });

  it("estimates Jaccard similarity within a few standard errors of the exact value", () => {
    for (const [keep, total] of [
      [90, 100],
      [80, 100],
      [60, 100],
      [30, 100],
    ] as const) {
      const a = words(total);
      const b = [...words(keep), ...words(total - keep, 10_000)];
      const sa = shingleHashes(a.join(" "));
      const sb = shingleHashes(b.join(" "));
      const exact = exactJaccard(sa, sb);
      const estimate = estimateJaccard(signatureOf(sa), signatureOf(sb));
      const se = Math.sqrt((exact * (1 - exact)) / NUM_PERMUTATIONS);
      expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(4 * se + 0.02);
    }
  });

  it("rates a one-word edit in a long text as a near-duplicate and unrelated text as dissimilar", () => {
    const a = words(80);
    const b = [...a];
    b[40] = "changed";
    expect(
      estimateJaccard(minhashSignature({ text: a.join(" ") }), minhashSignature({ text: b.join(" ") })),
    ).toBeGreaterThan(0.8);
    expect(
      estimateJaccard(minhashSignature({ text: a.join(" ") }), minhashSignature({ text: words(80, 500).join(" ") })),
    ).toBeLessThan(0.1);
  });

  it("uses character shingles for short texts so a small edit stays similar", () => {
    const short = "please reset the password for my account today";
    const typo = "please reset the password for my acount today";
    expect(short.split(" ").length).toBeLessThan(SHORT_TEXT_WORDS);
    // One typo touches ≤ 5 of ~43 character 5-shingles; with word 3-shingles it would leave J = 3/9.
    expect(exactJaccard(shingleHashes(short), shingleHashes(typo))).toBeGreaterThan(0.75);
    const sim = estimateJaccard(minhashSignature({ text: short }), minhashSignature({ text: typo }));
    expect(sim).toBeGreaterThan(0.65);
    expect(shingleHashes("hi")).toHaveLength(1);
    expect(shingleHashes("  ... ")).toHaveLength(0);
  });

  it("gives empty texts an empty signature that matches nothing", () => {
    const empty = minhashSignature({ text: "" });
    expect(isEmptySignature(empty)).toBe(true);
    expect(estimateJaccard(empty, empty)).toBe(0);
  });

  it("looks at prompt and completion for instructions, and only the text for labelled rows", () => {
    expect(minhashText({ prompt: "A", completion: "B" })).toBe("a\nb");
    expect(minhashText({ text: "T", label: "spam" })).toBe("t");
  });

  it("round-trips through bytes and base64", () => {
    const sig = minhashSignature({ text: words(30).join(" ") });
    const bytes = signatureToBytes(sig);
    expect(bytes.length).toBe(512);
    expect(signatureFromBytes(bytes)).toEqual(sig);
    expect(signatureFromBase64(signatureToBase64(sig))).toEqual(sig);
    const padded = new Uint8Array(520);
    padded.set(bytes, 8);
    expect(signatureFromBytes(padded.subarray(8))).toEqual(sig);
    expect(() => signatureFromBytes(new Uint8Array(10))).toThrow(RangeError);
  });
});
