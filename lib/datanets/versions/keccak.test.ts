import { bytesToHex, keccak256 } from "viem";
import { describe, expect, it } from "vitest";
import { keccak256Into, keccak256Short } from "./keccak";
import { keccakWasm, WASM_HEAP } from "./keccak-wasm";

describe("keccak256Into", () => {
  it("matches viem's keccak256 for every length 0..135", () => {
    let seed = 12345;
    for (let len = 0; len < 136; len++) {
      const bytes = new Uint8Array(len);
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        bytes[i] = seed >>> 24;
      }
      expect(bytesToHex(keccak256Short(bytes))).toBe(keccak256(bytes));
    }
  });

  it("reads and writes at offsets without touching neighbours", () => {
    const input = new Uint8Array(100).map((_, i) => i);
    const out = new Uint8Array(40).fill(7);
    keccak256Into(input, 10, 64, out, 4);
    expect(bytesToHex(out.subarray(4, 36))).toBe(keccak256(input.subarray(10, 74)));
    expect([...out.subarray(0, 4), ...out.subarray(36)]).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
  });

  it("refuses inputs longer than one block", () => {
    expect(() => keccak256Short(new Uint8Array(136))).toThrow(RangeError);
  });
});

describe("keccakWasm", () => {
  it("hashes 32 bytes and pairs of 32 bytes like viem", () => {
    const wasm = keccakWasm(4096);
    expect(wasm).not.toBeNull();
    if (!wasm) return;
    const mem = new Uint8Array(wasm.memory.buffer);
    for (let trial = 0; trial < 20; trial++) {
      for (let i = 0; i < 96; i++) mem[WASM_HEAP + i] = (i * 37 + trial * 101 + 11) & 255;
      wasm.hash32(WASM_HEAP, WASM_HEAP + 200);
      expect(bytesToHex(mem.slice(WASM_HEAP + 200, WASM_HEAP + 232))).toBe(
        keccak256(mem.slice(WASM_HEAP, WASM_HEAP + 32)),
      );
      wasm.hashPair(WASM_HEAP + 64, WASM_HEAP, WASM_HEAP + 300);
      const joined = new Uint8Array([
        ...mem.slice(WASM_HEAP + 64, WASM_HEAP + 96),
        ...mem.slice(WASM_HEAP, WASM_HEAP + 32),
      ]);
      expect(bytesToHex(mem.slice(WASM_HEAP + 300, WASM_HEAP + 332))).toBe(keccak256(joined));
    }
  });

  it("runs two independent hashes per call with SIMD, and offers a scalar-only instance", () => {
    const wasm = keccakWasm(4096);
    const x2 = wasm?.x2;
    expect(x2).toBeTruthy();
    if (!wasm || !x2) return;
    const mem = new Uint8Array(wasm.memory.buffer);
    const H = WASM_HEAP;
    for (let i = 0; i < 256; i++) mem[H + i] = (i * 91 + 5) & 255;
    const hex = (at: number) => bytesToHex(mem.slice(at, at + 32));
    const cat = (a: number, b: number) => new Uint8Array([...mem.slice(a, a + 32), ...mem.slice(b, b + 32)]);
    x2.hash32(H, H + 32, H + 1000, H + 1032);
    expect(hex(H + 1000)).toBe(keccak256(mem.slice(H, H + 32)));
    expect(hex(H + 1032)).toBe(keccak256(mem.slice(H + 32, H + 64)));
    x2.hashPair(H, H + 64, H + 1100, H + 128, H + 32, H + 1132);
    expect(hex(H + 1100)).toBe(keccak256(cat(H, H + 64)));
    expect(hex(H + 1132)).toBe(keccak256(cat(H + 128, H + 32)));
    expect(keccakWasm(4096, { simd: false })?.x2).toBeNull();
  });

  it("gives each instance memory of the size asked for", () => {
    const wasm = keccakWasm(5 * 65536 + 1);
    expect(wasm?.memory.buffer.byteLength).toBe(6 * 65536);
  });
});
