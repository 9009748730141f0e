import { describe, expect, it } from "vitest";
import { hashString, splitDocuments, splitOf } from "./split";

describe("split by id hash", () => {
  const docs = Array.from({ length: 5000 }, (_, i) => ({ id: `doc-${i}` }));

  it("is deterministic, with known hash values", () => {
    expect(hashString("")).toBe(hashString(""));
    expect(hashString("a")).not.toBe(hashString("b"));
    // FNV-1a 32 + murmur3 fmix32, checked against an independent Python implementation.
    expect([hashString(""), hashString("a"), hashString("moby-dick\u0000chapter-1")]).toEqual([
      2872998923, 444641715, 971788965,
    ]);
    expect(splitDocuments(docs)).toEqual(splitDocuments(docs));
  });

  it("partitions the documents, keeping order, near the requested fraction", () => {
    const { train, validation } = splitDocuments(docs, { validationFraction: 0.2 });
    expect(train.length + validation.length).toBe(docs.length);
    const ids = new Set(train.map((d) => d.id));
    expect(validation.some((d) => ids.has(d.id))).toBe(false);
    expect(validation.length / docs.length).toBeGreaterThan(0.17);
    expect(validation.length / docs.length).toBeLessThan(0.23);
    expect(train).toEqual([...train].sort((a, b) => Number(a.id.slice(4)) - Number(b.id.slice(4))));
  });

  it("grows validation monotonically with the fraction, and a salt reshuffles it", () => {
    const small = new Set(splitDocuments(docs, { validationFraction: 0.1 }).validation.map((d) => d.id));
    const large = new Set(splitDocuments(docs, { validationFraction: 0.3 }).validation.map((d) => d.id));
    expect([...small].every((id) => large.has(id))).toBe(true);
    const salted = splitDocuments(docs, { validationFraction: 0.1, salt: "other" }).validation.map((d) => d.id);
    expect(salted.filter((id) => small.has(id)).length).toBeLessThan(small.size / 2);
  });

  it("handles the edges", () => {
    expect(splitDocuments(docs, { validationFraction: 0 }).validation).toEqual([]);
    expect(splitDocuments(docs, { validationFraction: 1 }).train).toEqual([]);
    expect(() => splitOf("x", { validationFraction: 1.5 })).toThrow(RangeError);
    expect(() => splitOf("x", { validationFraction: Number.NaN })).toThrow(RangeError);
  });
});
