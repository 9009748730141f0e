import sha3 from "js-sha3";
import { hexOf } from "../versions/hex";
import { section, sleb64, uleb, wasmName } from "./wasm-emit";

/**
 * keccak256 (Ethereum's Keccak, not NIST SHA3-256) of a string's UTF-8 bytes, as 0x-prefixed hex.
 *
 * Pure JS keccak (js-sha3 ~80k, viem ~25k ~500-byte rows/s here) is too slow for the ingest budget, so the
 * permutation runs in a small WebAssembly module generated below (native 64-bit lanes and rotates, 24 rounds
 * unrolled: ~20 KB of bytecode built at load and compiled synchronously). Where WebAssembly is unavailable or
 * synchronous compilation is refused, js-sha3 is used (same digests, slower). The tests
 * check both paths against js-sha3 and viem on many inputs.
 */

const RATE = 136; // bytes absorbed per block for a 256-bit output
const STATE_OFFSET = 0; // 25 lanes × 8 bytes
const DATA_OFFSET = 256; // input is written here

/** Rotation offsets by lane index x + 5y. */
const RHO = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

/** The 24 round constants, from the LFSR of the Keccak reference. */
function roundConstants(): bigint[] {
  const out: bigint[] = [];
  let lfsr = 1;
  for (let round = 0; round < 24; round++) {
    let rc = 0n;
    for (let j = 0; j < 7; j++) {
      if (lfsr & 1) rc |= 1n << BigInt((1 << j) - 1);
      lfsr = lfsr & 0x80 ? ((lfsr << 1) ^ 0x71) & 0xff : (lfsr << 1) & 0xff;
    }
    out.push(rc);
  }
  return out;
}

const OP = {
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i64Const: 0x42,
  i64Load: 0x29,
  i64Store: 0x37,
  i64And: 0x83,
  i64Xor: 0x85,
  i64Rotl: 0x89,
  end: 0x0b,
} as const;

/**
 * Emits a module exporting `memory` and `absorb(offset)`: state ^= the 17 lanes at `offset`, then Keccak-f[1600].
 * Locals: 0 = offset, a[i] = 1 + i, b[i] = 26 + i, c[x] = 51 + x, d[x] = 56 + x (all i64 but the offset).
 */
function buildModule(): Uint8Array<ArrayBuffer> {
  const a = (i: number) => 1 + i;
  const b = (i: number) => 26 + i;
  const c = (x: number) => 51 + x;
  const d = (x: number) => 56 + x;
  const code: number[] = [];
  const get = (l: number) => code.push(OP.localGet, l);
  const set = (l: number) => code.push(OP.localSet, l);
  for (let i = 0; i < 25; i++) {
    code.push(OP.i32Const, 0, OP.i64Load, 3, ...uleb(STATE_OFFSET + 8 * i));
    set(a(i));
  }
  for (let i = 0; i < RATE / 8; i++) {
    get(a(i));
    get(0);
    code.push(OP.i64Load, 0, ...uleb(8 * i), OP.i64Xor);
    set(a(i));
  }
  for (const rc of roundConstants()) {
    for (let x = 0; x < 5; x++) {
      get(a(x));
      for (let y = 1; y < 5; y++) {
        get(a(x + 5 * y));
        code.push(OP.i64Xor);
      }
      set(c(x));
    }
    for (let x = 0; x < 5; x++) {
      get(c((x + 4) % 5));
      get(c((x + 1) % 5));
      code.push(OP.i64Const, 1, OP.i64Rotl, OP.i64Xor);
      set(d(x));
    }
    for (let i = 0; i < 25; i++) {
      get(a(i));
      get(d(i % 5));
      code.push(OP.i64Xor);
      set(a(i));
    }
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const r = RHO[x + 5 * y] as number;
        get(a(x + 5 * y));
        if (r !== 0) code.push(OP.i64Const, ...sleb64(BigInt(r)), OP.i64Rotl);
        set(b(y + 5 * ((2 * x + 3 * y) % 5)));
      }
    }
    for (let y = 0; y < 5; y++) {
      for (let x = 0; x < 5; x++) {
        get(b(((x + 1) % 5) + 5 * y));
        code.push(OP.i64Const, 0x7f, OP.i64Xor); // ~b
        get(b(((x + 2) % 5) + 5 * y));
        code.push(OP.i64And);
        get(b(x + 5 * y));
        code.push(OP.i64Xor);
        set(a(x + 5 * y));
      }
    }
    get(a(0));
    code.push(OP.i64Const, ...sleb64(rc), OP.i64Xor);
    set(a(0));
  }
  for (let i = 0; i < 25; i++) {
    code.push(OP.i32Const, 0);
    get(a(i));
    code.push(OP.i64Store, 3, ...uleb(STATE_OFFSET + 8 * i));
  }
  code.push(OP.end);
  const locals = [1, 60, 0x7e]; // one group: 60 × i64
  const body = [...locals, ...code];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...wasmName("absorb"), 0, 0, ...wasmName("memory"), 2, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ];
  return Uint8Array.from(bytes);
}

interface WasmKeccak {
  absorb: (offset: number) => void;
  memory: WebAssembly.Memory;
}

function instantiate(): WasmKeccak | null {
  if (typeof WebAssembly === "undefined") return null;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(buildModule()));
    const { absorb, memory } = instance.exports as unknown as WasmKeccak;
    return { absorb, memory };
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();

class KeccakEngine {
  private heap: Uint8Array;
  constructor(private readonly wasm: WasmKeccak) {
    this.heap = new Uint8Array(wasm.memory.buffer);
  }

  private ensure(bytes: number): Uint8Array {
    const need = DATA_OFFSET + bytes + 2 * RATE;
    if (need > this.heap.length) {
      this.wasm.memory.grow(Math.ceil((need - this.heap.length) / 65536));
      this.heap = new Uint8Array(this.wasm.memory.buffer);
    }
    return this.heap;
  }

  /** Hashes `length` bytes already written at DATA_OFFSET; pads in place. */
  private digest(length: number): `0x${string}` {
    const heap = this.heap;
    heap.fill(0, STATE_OFFSET, STATE_OFFSET + 200);
    const end = DATA_OFFSET + length;
    let p = DATA_OFFSET;
    for (; p + RATE <= end; p += RATE) this.wasm.absorb(p);
    heap.fill(0, end, p + RATE);
    heap[end] = 0x01;
    heap[p + RATE - 1] = (heap[p + RATE - 1] as number) | 0x80;
    this.wasm.absorb(p);
    // One flat string: a `+=` chain would leave a 32-piece rope per hash alive in every stored digest.
    return hexOf(heap, STATE_OFFSET, 32);
  }

  utf8(text: string): `0x${string}` {
    const heap = this.ensure(text.length * 3);
    const { written } = encoder.encodeInto(text, heap.subarray(DATA_OFFSET));
    return this.digest(written);
  }

  bytes(data: Uint8Array): `0x${string}` {
    const heap = this.ensure(data.length);
    heap.set(data, DATA_OFFSET);
    return this.digest(data.length);
  }
}

const wasm = instantiate();
const engine = wasm ? new KeccakEngine(wasm) : null;

/** Whether the WebAssembly permutation is in use (false: js-sha3 fallback). */
export const keccakUsesWasm = engine !== null;

/** keccak256 of the UTF-8 encoding of `text`. */
export function keccak256Utf8(text: string): `0x${string}` {
  return engine ? engine.utf8(text) : `0x${sha3.keccak_256(text)}`;
}

/** keccak256 of raw bytes. */
export function keccak256Bytes(data: Uint8Array): `0x${string}` {
  return engine ? engine.bytes(data) : `0x${sha3.keccak_256(data)}`;
}

/** The js-sha3 implementation, exported for cross-checks and environments that forbid WebAssembly. */
export function keccak256Utf8Js(text: string): `0x${string}` {
  return `0x${sha3.keccak_256(text)}`;
}
