import { section, sleb64, uleb, WASM_HEADER, wasmName } from "./wasm-emit";

/**
 * The MinHash inner loop — for every shingle h and permutation k, min_k = min(min_k, a_k·h + b_k mod 2^32) — as
 * a WebAssembly SIMD kernel: four permutations per i32x4 multiply/add/unsigned-min, the 128 running minima held in
 * 32 vector locals. Bit-for-bit the same values as the JS loop in minhash.ts (tests compare them); used when the
 * runtime supports WebAssembly SIMD (Node ≥ 16, current browsers), else the JS loop runs.
 *
 * Memory: a[128] at 0, b[128] at 512, minima at 1024, shingle hashes from 2048 on (grown as needed).
 */
const A_OFFSET = 0;
const B_OFFSET = 512;
const MIN_OFFSET = 1024;
const SHINGLE_OFFSET = 2048;
const VECTORS = 32; // 128 permutations / 4 lanes

const SIMD = 0xfd;
const V128_LOAD = [SIMD, 0x00];
const V128_LOAD32_SPLAT = [SIMD, 0x09];
const V128_STORE = [SIMD, 0x0b];
const I32X4_ADD = [SIMD, ...uleb(0xae)];
const I32X4_MUL = [SIMD, ...uleb(0xb5)];
const I32X4_MIN_U = [SIMD, ...uleb(0xb7)];

function buildModule(): Uint8Array<ArrayBuffer> {
  const end = 0; // param: byte offset after the last shingle
  const ptr = 1;
  const h = 2;
  const m = (k: number) => 3 + k;
  const code: number[] = [];
  const i32Const = (v: number) => code.push(0x41, ...sleb64(BigInt(v)));
  for (let k = 0; k < VECTORS; k++) {
    i32Const(0);
    code.push(...V128_LOAD, 4, ...uleb(MIN_OFFSET + 16 * k), 0x21, m(k));
  }
  i32Const(SHINGLE_OFFSET);
  code.push(0x21, ptr);
  code.push(0x02, 0x40, 0x03, 0x40); // block, loop
  code.push(0x20, ptr, 0x20, end, 0x4f, 0x0d, 1); // if ptr >= end: break
  code.push(0x20, ptr, ...V128_LOAD32_SPLAT, 2, 0, 0x21, h);
  for (let k = 0; k < VECTORS; k++) {
    code.push(0x20, m(k));
    i32Const(0);
    code.push(...V128_LOAD, 4, ...uleb(A_OFFSET + 16 * k), 0x20, h, ...I32X4_MUL);
    i32Const(0);
    code.push(...V128_LOAD, 4, ...uleb(B_OFFSET + 16 * k), ...I32X4_ADD, ...I32X4_MIN_U, 0x21, m(k));
  }
  code.push(0x20, ptr);
  i32Const(4);
  code.push(0x6a, 0x21, ptr, 0x0c, 0, 0x0b, 0x0b); // ptr += 4; continue; end loop; end block
  for (let k = 0; k < VECTORS; k++) {
    i32Const(0);
    code.push(0x20, m(k), ...V128_STORE, 4, ...uleb(MIN_OFFSET + 16 * k));
  }
  code.push(0x0b);
  const body = [2, 1, 0x7f, 1 + VECTORS, 0x7b, ...code]; // locals: 1 × i32, 33 × v128
  return Uint8Array.from([
    ...WASM_HEADER,
    ...section(1, [1, 0x60, 1, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...wasmName("minhash"), 0, 0, ...wasmName("memory"), 2, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

export type MinhashKernel = (shingles: readonly number[]) => Uint32Array;

/** Builds the SIMD kernel for the given permutation parameters, or null where WebAssembly SIMD is unavailable. */
export function simdMinhashKernel(a: Int32Array, b: Int32Array): MinhashKernel | null {
  if (a.length !== 4 * VECTORS || b.length !== 4 * VECTORS) throw new RangeError("128 permutations expected");
  if (typeof WebAssembly === "undefined") return null;
  let exports: { minhash: (end: number) => void; memory: WebAssembly.Memory };
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(buildModule()));
    exports = instance.exports as unknown as typeof exports;
  } catch {
    return null;
  }
  const { minhash, memory } = exports;
  let words = new Uint32Array(memory.buffer);
  words.set(a, A_OFFSET / 4);
  words.set(b, B_OFFSET / 4);
  return (shingles) => {
    const needed = SHINGLE_OFFSET + 4 * shingles.length;
    if (needed > words.byteLength) {
      memory.grow(Math.ceil((needed - words.byteLength) / 65536));
      words = new Uint32Array(memory.buffer);
    }
    const base = SHINGLE_OFFSET / 4;
    for (let i = 0; i < shingles.length; i++) words[base + i] = shingles[i] as number;
    words.fill(0xffffffff, MIN_OFFSET / 4, MIN_OFFSET / 4 + 4 * VECTORS);
    minhash(needed);
    return words.slice(MIN_OFFSET / 4, MIN_OFFSET / 4 + 4 * VECTORS);
  };
}
