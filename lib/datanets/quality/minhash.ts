import type { RowFields } from "../kinds";
import { orderedFields, rowKind } from "./canonical";
import { simdMinhashKernel } from "./minhash-wasm";

/**
 * MinHash signatures for near-duplicate detection.
 *
 * Shingles. Rows of ~500 bytes hold ~80 words. Word 3-shingles (~80 per row) keep the cost at ~80 × 128 hash
 * evaluations per row (character 5-shingles would be ~500 × 128, 6× slower, far below the throughput goal) and
 * still see a one-word edit in a 80-word text as a small change (it touches 3 of ~80 shingles: J ≈ 0.93).
 * Short texts (fewer than SHORT_TEXT_WORDS words, and text in scripts without spaces, which tokenizes into few
 * long "words") have too few word shingles for a useful estimate — one changed word in a 6-word sentence would
 * drop J to ~0.3 — so they use character 5-shingles of the normalized text instead, where one edit touches ≤ 5
 * shingles. A pair on either side of the boundary is compared in different shingle spaces and is not found; such
 * a pair differs by at least a few words out of ~10, which is close to the 0.8 line anyway.
 *
 * Hashing. Tokens are hashed with FNV-1a (32-bit), combined into a shingle hash and finished with murmur3's
 * fmix32. The 128 "permutations" are h ↦ (a·h + b) mod 2^32 with fixed odd a and arbitrary b from a seeded PRNG:
 * Math.imul keeps this exact in 32-bit integer math (a mod-prime family would need 64-bit products, which JS
 * numbers cannot hold exactly), and with odd a each is a bijection of the 32-bit space whose high bits — the
 * ones that decide the minimum — depend on every bit of h. The seeds are fixed: signatures are stored, so they
 * must never change (bump SIGNATURE_VERSION and recompute if they ever do).
 *
 * Which text: text → text; instruction → prompt + completion; labelled → text only (the same text under another
 * label is exactly the near-duplicate a reviewer wants to see).
 */

export const NUM_PERMUTATIONS = 128;
export const SIGNATURE_VERSION = 1;
export const SHORT_TEXT_WORDS = 10;
const CHAR_SHINGLE = 5;
const EMPTY = 0xffffffff;

export type MinHashSignature = Uint32Array;

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const PERM_A = new Int32Array(NUM_PERMUTATIONS);
const PERM_B = new Int32Array(NUM_PERMUTATIONS);
{
  const next = mulberry32(0x5eed_0001);
  for (let k = 0; k < NUM_PERMUTATIONS; k++) {
    PERM_A[k] = next() | 1;
    PERM_B[k] = next() | 0;
  }
}

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
/** 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
}

/** Lowercased NFKC text split into words (runs of letters, digits and marks); each word FNV-1a hashed. */
export function wordHashes(text: string): number[] {
  const out: number[] = [];
  let h = 0x811c9dc5 | 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const word = code < 128 ? ASCII_WORD[code] === 1 : NON_ASCII_WORD.test(text.charAt(i));
    if (word) {
      h = Math.imul(h ^ code, 0x01000193);
      inWord = true;
    } else if (inWord) {
      out.push(h >>> 0);
      h = 0x811c9dc5 | 0;
      inWord = false;
    }
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

/** The text MinHash looks at, lowercased and NFKC-normalized. */
export function minhashText(fields: RowFields): string {
  const kind = rowKind(fields);
  const pairs = orderedFields(fields);
  const text = kind === "labelled" ? (pairs[0] as [string, string])[1] : pairs.map((p) => p[1]).join("\n");
  return text.normalize("NFKC").toLowerCase();
}

/** Shingle hashes of a normalized text (see the module comment for the choice). */
export function shingleHashes(text: string): number[] {
  const words = wordHashes(text);
  if (words.length >= SHORT_TEXT_WORDS) {
    const out: number[] = new Array(words.length - 2);
    for (let i = 0; i + 2 < words.length; i++) {
      let h = Math.imul(words[i] as number, 0x9e3779b1) ^ (words[i + 1] as number);
      h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ (words[i + 2] as number);
      out[i] = fmix32(h);
    }
    return out;
  }
  // Short text: character 5-shingles over the words joined by single spaces.
  const compact = text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w.length > 0)
    .join(" ");
  if (compact.length === 0) return [];
  if (compact.length <= CHAR_SHINGLE) return [fmix32(fnv1a(compact, 0, compact.length))];
  const out: number[] = [];
  for (let i = 0; i + CHAR_SHINGLE <= compact.length; i++) out.push(fmix32(fnv1a(compact, i, i + CHAR_SHINGLE)));
  return out;
}

function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const SCRATCH = new Int32Array(NUM_PERMUTATIONS);

/**
 * MinHash signature of a set of shingle hashes in plain JS; all 0xffffffff for an empty set. The minimum is kept
 * in an Int32Array with the sign bit flipped (signed order of v ^ 2^31 = unsigned order of v; adding b ^ 2^31
 * flips it for free) so V8 stays in int32 math.
 */
export function signatureOfJs(shingles: readonly number[]): MinHashSignature {
  const mins = SCRATCH.fill(0x7fffffff);
  const n = shingles.length;
  let s = 0;
  // Four shingles per pass over the permutations: a, b and the running minimum are loaded once for four values.
  for (; s + 3 < n; s += 4) {
    const h0 = shingles[s] as number;
    const h1 = shingles[s + 1] as number;
    const h2 = shingles[s + 2] as number;
    const h3 = shingles[s + 3] as number;
    for (let k = 0; k < NUM_PERMUTATIONS; k++) {
      const a = PERM_A[k] as number;
      const b = (PERM_B[k] as number) ^ 0x80000000;
      let m = mins[k] as number;
      const v0 = (Math.imul(a, h0) + b) | 0;
      const v1 = (Math.imul(a, h1) + b) | 0;
      const v2 = (Math.imul(a, h2) + b) | 0;
      const v3 = (Math.imul(a, h3) + b) | 0;
      if (v0 < m) m = v0;
      if (v1 < m) m = v1;
      if (v2 < m) m = v2;
      if (v3 < m) m = v3;
      mins[k] = m;
    }
  }
  for (; s < n; s++) {
    const h = shingles[s] as number;
    for (let k = 0; k < NUM_PERMUTATIONS; k++) {
      const v = (Math.imul(PERM_A[k] as number, h) + ((PERM_B[k] as number) ^ 0x80000000)) | 0;
      if (v < (mins[k] as number)) mins[k] = v;
    }
  }
  const sig = new Uint32Array(NUM_PERMUTATIONS);
  for (let k = 0; k < NUM_PERMUTATIONS; k++) sig[k] = ((mins[k] as number) ^ 0x80000000) >>> 0;
  return sig;
}

const simdKernel = simdMinhashKernel(PERM_A, PERM_B);

/** Whether signatures are computed by the WebAssembly SIMD kernel (~6× faster than the JS loop, same values). */
export const minhashUsesSimd = simdKernel !== null;

/** MinHash signature of a set of shingle hashes; all 0xffffffff for an empty set. */
export function signatureOf(shingles: readonly number[]): MinHashSignature {
  return simdKernel ? simdKernel(shingles) : signatureOfJs(shingles);
}

/** MinHash signature of a row. */
export function minhashSignature(fields: RowFields): MinHashSignature {
  return signatureOf(shingleHashes(minhashText(fields)));
}

/** Whether the signature comes from an empty text (nothing to compare). */
export function isEmptySignature(sig: MinHashSignature): boolean {
  for (let k = 0; k < sig.length; k++) if (sig[k] !== EMPTY) return false;
  return true;
}

/** Estimated Jaccard similarity: the share of positions where the signatures agree (0 if either is empty). */
export function estimateJaccard(a: MinHashSignature, b: MinHashSignature): number {
  if (a.length !== b.length) throw new RangeError("signatures of different lengths");
  let equal = 0;
  let emptyA = true;
  let emptyB = true;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x === y) equal++;
    if (x !== EMPTY) emptyA = false;
    if (y !== EMPTY) emptyB = false;
  }
  if (emptyA || emptyB) return 0;
  return equal / a.length;
}

/** Exact Jaccard similarity of two shingle sets (used by tests and for small confirmations). */
export function exactJaccard(a: readonly number[], b: readonly number[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/** Serializes a signature as little-endian uint32s: 512 bytes for a PostgreSQL bytea column. */
export function signatureToBytes(sig: MinHashSignature): Uint8Array {
  const out = new Uint8Array(sig.length * 4);
  const view = new DataView(out.buffer);
  for (let k = 0; k < sig.length; k++) view.setUint32(k * 4, sig[k] as number, true);
  return out;
}

/** Reads a signature written by `signatureToBytes`. */
export function signatureFromBytes(bytes: Uint8Array): MinHashSignature {
  if (bytes.length !== NUM_PERMUTATIONS * 4) {
    throw new RangeError(`a signature is ${NUM_PERMUTATIONS * 4} bytes, got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(NUM_PERMUTATIONS);
  for (let k = 0; k < NUM_PERMUTATIONS; k++) sig[k] = view.getUint32(k * 4, true);
  return sig;
}

/** Base64 of `signatureToBytes` (684 characters), for JSON or text columns. */
export function signatureToBase64(sig: MinHashSignature): string {
  const bytes = signatureToBytes(sig);
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary);
}

/** Reads a signature written by `signatureToBase64`. */
export function signatureFromBase64(text: string): MinHashSignature {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return signatureFromBytes(bytes);
}
