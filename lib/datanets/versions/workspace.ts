import { keccak256Into } from "./keccak";
import { keccakWasm, WASM_HEAP, WASM_SCRATCH, type X2 } from "./keccak-wasm";

/**
 * Byte memory plus the two hashes the Merkle builder needs, addressed by byte offsets: WebAssembly
 * memory with the wasm permutation where available, else a plain Uint8Array with keccak.ts.
 * Offsets from `heap` on are the caller's; `scratch` has 256 bytes of room.
 */
export type HashWorkspace = {
  readonly bytes: Uint8Array;
  readonly scratch: number;
  readonly heap: number;
  hash32(inPtr: number, outPtr: number): void;
  hashPair(aPtr: number, bPtr: number, outPtr: number): void;
  /** Two independent hashes per call (WebAssembly SIMD), where available. */
  readonly x2: X2 | null;
};

/** `wasm: false` forces the JavaScript permutation, `simd: false` the one-at-a-time wasm one. */
export type WorkspaceOptions = { wasm?: boolean; simd?: boolean };

/** A workspace with at least `heapBytes` bytes from `heap` on. */
export function hashWorkspace(heapBytes: number, options: WorkspaceOptions = {}): HashWorkspace {
  const wasm = options.wasm === false ? null : keccakWasm(WASM_HEAP + heapBytes, { simd: options.simd });
  if (wasm) {
    const bytes = new Uint8Array(wasm.memory.buffer);
    return {
      bytes,
      scratch: WASM_SCRATCH,
      heap: WASM_HEAP,
      hash32: wasm.hash32,
      hashPair: wasm.hashPair,
      x2: wasm.x2,
    };
  }
  const scratch = 0;
  const heap = 512;
  const bytes = new Uint8Array(heap + heapBytes);
  const pair = new Uint8Array(64);
  return {
    bytes,
    scratch,
    heap,
    hash32: (inPtr, outPtr) => keccak256Into(bytes, inPtr, 32, bytes, outPtr),
    hashPair: (aPtr, bPtr, outPtr) => {
      if (bPtr === aPtr + 32) return keccak256Into(bytes, aPtr, 64, bytes, outPtr);
      pair.set(bytes.subarray(aPtr, aPtr + 32), 0);
      pair.set(bytes.subarray(bPtr, bPtr + 32), 32);
      keccak256Into(pair, 0, 64, bytes, outPtr);
    },
    x2: null,
  };
}
