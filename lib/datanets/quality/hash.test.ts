import { keccak256, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { canonicalRow } from "./canonical";
import { normalizedHash, rowHash } from "./hash";

describe("rowHash", () => {
  it("is keccak256 of the canonical row's UTF-8 bytes", () => {
    const row = { prompt: "Qu'est-ce que c'est ?", completion: "Ça — 😀" };
    expect(rowHash(row)).toBe(keccak256(stringToBytes(canonicalRow(row))));
    expect(rowHash(row)).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it("is pinned: the documented serialization must never change", () => {
    expect(canonicalRow({ text: "hello" })).toBe('{"text":"hello"}');
    expect(rowHash({ text: "hello" })).toBe(keccak256(stringToBytes('{"text":"hello"}')));
    expect(rowHash({ text: "hello" })).toBe("0x63c0ff7bbe8ff2433988310aa2e2dc7bdb8bf25aa0e519c37f84fdaa8783e63e");
  });

  it("distinguishes kinds and field boundaries", () => {
    expect(rowHash({ text: "a", label: "b" })).not.toBe(rowHash({ prompt: "a", completion: "b" }));
    expect(rowHash({ prompt: "ab", completion: "" })).not.toBe(rowHash({ prompt: "a", completion: "b" }));
  });
});

describe("normalizedHash", () => {
  it("is equal for rows that differ in case, spacing, compatibility forms and edge punctuation", () => {
    expect(normalizedHash({ text: "Hello,  World!" })).toBe(normalizedHash({ text: " hello, world" }));
    expect(normalizedHash({ text: "ＡＢＣ" })).toBe(normalizedHash({ text: "abc" }));
  });

  it("differs for different content and keeps field boundaries", () => {
    expect(normalizedHash({ text: "hello world" })).not.toBe(normalizedHash({ text: "hello, world" }));
    expect(normalizedHash({ prompt: "a b", completion: "c" })).not.toBe(
      normalizedHash({ prompt: "a", completion: "b c" }),
    );
  });
});
