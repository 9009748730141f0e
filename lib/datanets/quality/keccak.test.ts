import sha3 from "js-sha3";
import { keccak256, stringToBytes } from "viem";
import { describe, expect, it } from "vitest";
import { keccak256Bytes, keccak256Utf8, keccak256Utf8Js, keccakUsesWasm } from "./keccak";

describe("keccak256", () => {
  it("uses the WebAssembly permutation in Node", () => {
    expect(keccakUsesWasm).toBe(true);
  });

  it("matches the known empty-string digest", () => {
    expect(keccak256Utf8("")).toBe("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  });

  it("matches js-sha3 and viem around every block boundary and for multi-byte text", () => {
    for (const length of [1, 55, 56, 135, 136, 137, 271, 272, 273, 408, 1000, 5000]) {
      for (const unit of ["a", "é", "€", "😀"]) {
        const text = unit.repeat(length);
        const expected = keccak256(stringToBytes(text));
        expect(keccak256Utf8(text)).toBe(expected);
        expect(keccak256Utf8Js(text)).toBe(expected);
      }
    }
  });

  it("matches js-sha3 on random byte strings, including very long ones that grow the memory", () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 24;
    };
    for (const length of [0, 3, 136, 999, 70_000, 300_000]) {
      const bytes = Uint8Array.from({ length }, next);
      expect(keccak256Bytes(bytes)).toBe(`0x${sha3.keccak_256(bytes)}`);
    }
    expect(keccak256Utf8("after growth")).toBe(keccak256(stringToBytes("after growth")));
  });
});
