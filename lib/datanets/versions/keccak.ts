import sha3 from "js-sha3";

/**
 * Keccak-256 on caller-owned byte arrays, for the Merkle builder's paths outside its WebAssembly
 * hot loop (keccak-wasm.ts): single proofs, leaf hashes on request, and the fallback where
 * WebAssembly is unavailable. js-sha3 (a dependency already, also behind lib/datanets/quality's
 * keccak) does the hashing. Checked against viem in keccak.test.ts.
 */

const RATE = 136;

/**
 * keccak256(input[inOff .. inOff + len)) written to out[outOff .. outOff + 32).
 * Only for len < 136 (one block), which covers every Merkle leaf and node hash.
 */
export function keccak256Into(input: Uint8Array, inOff: number, len: number, out: Uint8Array, outOff: number): void {
  if (len >= RATE || len < 0) throw new RangeError(`keccak256Into takes 0..${RATE - 1} bytes, got ${len}`);
  // Copy the digest out before writing: `out` may overlap the input.
  const digest = new Uint8Array(sha3.keccak_256.arrayBuffer(input.subarray(inOff, inOff + len)));
  out.set(digest, outOff);
}

/** keccak256 of a short byte string (< 136 bytes) as a new 32-byte array. */
export function keccak256Short(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  keccak256Into(input, 0, input.length, out, 0);
  return out;
}
