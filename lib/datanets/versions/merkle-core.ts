import type { Hex } from "viem";
import { hexInto, hexOf } from "./hex";
import { keccak256Into } from "./keccak";
import { hashWorkspace, type WorkspaceOptions } from "./workspace";

/**
 * A Merkle tree laid out exactly like @openzeppelin/merkle-tree's StandardMerkleTree (sortLeaves on):
 * leaf hashes sorted ascending (stably, so equal leaves keep input order), a heap array of 2n − 1
 * nodes with node i's children at 2i + 1 and 2i + 2, sorted leaf j at node 2n − 2 − j, and each
 * inner node keccak256 of its two children in ascending byte order (OpenZeppelin's MerkleProof
 * "sorted pairs"). All nodes live in one byte array (32 bytes each; the WebAssembly instance's
 * memory when wasm is used, freed with the tree): 64 MB for 1,000,000 leaves, plus 8 MB of indexes.
 */
export type MerkleCore = {
  /** (2n − 1) × 32 bytes; node k at k × 32; node 0 is the root. */
  readonly nodes: Uint8Array;
  readonly leafCount: number;
  /** For input position v, the heap index of its leaf node. */
  readonly treeIndexOf: Uint32Array;
  /** For sorted position j (ascending hash), the input position. */
  readonly order: Uint32Array;
};

const HASH = 32;

/** Lexicographic (= big-endian unsigned) comparison of two 32-byte words. */
function compareWords(a: Uint8Array, aOff: number, b: Uint8Array, bOff: number): number {
  for (let i = 0; i < HASH; i++) {
    const d = (a[aOff + i] as number) - (b[bOff + i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/** The first 4 bytes of a word as an unsigned big-endian integer: the sort's radix key. */
function prefix32(bytes: Uint8Array, off: number): number {
  return (
    (((bytes[off] as number) << 24) |
      ((bytes[off + 1] as number) << 16) |
      ((bytes[off + 2] as number) << 8) |
      (bytes[off + 3] as number)) >>>
    0
  );
}

const RADIX_PASSES = [
  { shift: 0, mask: 0x7ff },
  { shift: 11, mask: 0x7ff },
  { shift: 22, mask: 0x3ff },
] as const;

/**
 * Input positions ordered by leaf hash, ascending, stable: an LSD radix sort on the 32-bit prefix
 * (three passes of 11, 11 and 10 bits, moving key and position together so each pass reads
 * sequentially and scatters into 2,048 buckets), then runs sharing a prefix (rare) insertion-sorted
 * on the whole hash.
 */
function sortByHash(hashes: Uint8Array, n: number): Uint32Array {
  let keys = new Uint32Array(n);
  let order = new Uint32Array(n);
  let keysOut = new Uint32Array(n);
  let orderOut = new Uint32Array(n);
  const c0 = new Uint32Array(2048);
  const c1 = new Uint32Array(2048);
  const c2 = new Uint32Array(2048);
  const counts = [c0, c1, c2];
  for (let i = 0; i < n; i++) {
    const key = prefix32(hashes, i * HASH);
    keys[i] = key;
    order[i] = i;
    c0[key & 0x7ff] = (c0[key & 0x7ff] as number) + 1;
    c1[(key >>> 11) & 0x7ff] = (c1[(key >>> 11) & 0x7ff] as number) + 1;
    c2[key >>> 22] = (c2[key >>> 22] as number) + 1;
  }
  for (let p = 0; p < RADIX_PASSES.length; p++) {
    const { shift, mask } = RADIX_PASSES[p] as (typeof RADIX_PASSES)[number];
    const c = counts[p] as Uint32Array;
    let sum = 0;
    for (let b = 0; b < c.length; b++) {
      const count = c[b] as number;
      c[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      const bucket = (key >>> shift) & mask;
      const at = c[bucket] as number;
      c[bucket] = at + 1;
      keysOut[at] = key;
      orderOut[at] = order[i] as number;
    }
    [keys, keysOut] = [keysOut, keys];
    [order, orderOut] = [orderOut, order];
  }
  let start = 0;
  while (start < n) {
    const key = keys[start] as number;
    let end = start + 1;
    while (end < n && keys[end] === key) end++;
    for (let i = start + 1; i < end; i++) {
      const v = order[i] as number;
      let j = i - 1;
      while (j >= start && compareWords(hashes, (order[j] as number) * HASH, hashes, v * HASH) > 0) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = v;
    }
    start = end;
  }
  return order;
}

/**
 * How to hash leaf i: write its abi-encoded value (`preimageBytes` long, 32 or 64) into
 * bytes[at ..]; the leaf is keccak256(keccak256(preimage)). Throw to refuse a bad value.
 */
export type LeafSource = {
  readonly count: number;
  readonly preimageBytes: 32 | 64;
  write(i: number, bytes: Uint8Array, at: number): void;
};

/** Builds the tree over the source's leaves (two hashes at a time where wasm SIMD is available). */
export function buildMerkleCore(source: LeafSource, options: WorkspaceOptions = {}): MerkleCore {
  const n = source.count;
  if (n < 1) throw new RangeError("A Merkle tree needs at least one leaf");
  const size = 2 * n - 1;
  const ws = hashWorkspace(size * HASH, options);
  const { bytes, heap: base, x2 } = ws;
  const long = source.preimageBytes === 64;
  // Leaf hashes in input order first (where the nodes will go), then a copy to sort from.
  const s0 = ws.scratch;
  const s1 = ws.scratch + 128;
  let i = 0;
  if (x2) {
    for (; i + 1 < n; i += 2) {
      source.write(i, bytes, s0);
      source.write(i + 1, bytes, s1);
      if (long) x2.hashPair(s0, s0 + HASH, s0 + 2 * HASH, s1, s1 + HASH, s1 + 2 * HASH);
      else x2.hash32(s0, s1, s0 + 2 * HASH, s1 + 2 * HASH);
      x2.hash32(s0 + 2 * HASH, s1 + 2 * HASH, base + i * HASH, base + (i + 1) * HASH);
    }
  }
  for (; i < n; i++) {
    source.write(i, bytes, s0);
    if (long) ws.hashPair(s0, s0 + HASH, s0 + 2 * HASH);
    else ws.hash32(s0, s0 + 2 * HASH);
    ws.hash32(s0 + 2 * HASH, base + i * HASH);
  }
  const hashes = bytes.slice(base, base + n * HASH);
  const order = sortByHash(hashes, n);
  const treeIndexOf = new Uint32Array(n);
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + base, size * 8);
  const hashWords = new Int32Array(hashes.buffer, 0, n * 8);
  for (let j = 0; j < n; j++) {
    const v = order[j] as number;
    const t = size - 1 - j;
    treeIndexOf[v] = t;
    for (let w = 0; w < 8; w++) words[t * 8 + w] = hashWords[v * 8 + w] as number;
  }
  // Inner nodes from the last up. Nodes k and k − 1 (k ≥ 2) have all their children above k,
  // so they can be hashed together.
  let k = size - 1 - n;
  if (x2) {
    for (; k >= 2; k -= 2) {
      const l1 = base + (2 * k + 1) * HASH;
      const l2 = base + (2 * k - 1) * HASH;
      const firstInOrder = compareWords(bytes, l1, bytes, l1 + HASH) <= 0;
      const secondInOrder = compareWords(bytes, l2, bytes, l2 + HASH) <= 0;
      x2.hashPair(
        firstInOrder ? l1 : l1 + HASH,
        firstInOrder ? l1 + HASH : l1,
        base + k * HASH,
        secondInOrder ? l2 : l2 + HASH,
        secondInOrder ? l2 + HASH : l2,
        base + (k - 1) * HASH,
      );
    }
  }
  for (; k >= 0; k--) {
    const l = base + (2 * k + 1) * HASH;
    const r = l + HASH;
    if (compareWords(bytes, l, bytes, r) <= 0) ws.hashPair(l, r, base + k * HASH);
    else ws.hashPair(r, l, base + k * HASH);
  }
  return { nodes: bytes.subarray(base, base + size * HASH), leafCount: n, treeIndexOf, order };
}

/** The sibling hashes from a leaf up to the root, as OpenZeppelin's getProof returns them. */
export function proofAtTreeIndex(core: MerkleCore, treeIndex: number): Hex[] {
  const proof: Hex[] = [];
  let k = treeIndex;
  while (k > 0) {
    const sibling = k % 2 === 1 ? k + 1 : k - 1;
    proof.push(hexOf(core.nodes, sibling * HASH, HASH));
    k = (k - 1) >> 1;
  }
  return proof;
}

/**
 * The input position whose leaf hash equals `hash`, or -1. Among equal leaves it picks the last
 * input position, as StandardMerkleTree's hash lookup does.
 */
export function findLeaf(core: MerkleCore, hash: Uint8Array): number {
  const n = core.leafCount;
  const size = 2 * n - 1;
  // Sorted position j lives at node size − 1 − j; find the last j whose hash ≤ target.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareWords(core.nodes, (size - 1 - mid) * HASH, hash, 0) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const j = lo - 1;
  if (j < 0 || compareWords(core.nodes, (size - 1 - j) * HASH, hash, 0) !== 0) return -1;
  // Equal hashes keep input order, so the last one of the run is the largest input position.
  return core.order[j] as number;
}

/** Folds a proof onto a leaf hash with sorted-pair hashing (OpenZeppelin's MerkleProof.processProof). */
export function processProof(leafHash: Uint8Array, proof: readonly string[]): Uint8Array | null {
  const acc = new Uint8Array(2 * HASH);
  acc.set(leafHash.subarray(0, HASH), 0);
  const sibling = new Uint8Array(HASH);
  for (const p of proof) {
    if (!hexInto(p, HASH, sibling, 0)) return null;
    if (compareWords(acc, 0, sibling, 0) <= 0) acc.set(sibling, HASH);
    else {
      acc.copyWithin(HASH, 0, HASH);
      acc.set(sibling, 0);
    }
    keccak256Into(acc, 0, 2 * HASH, acc, 0);
  }
  return acc.slice(0, HASH);
}

/** The root as 0x hex. */
export function rootOf(core: MerkleCore): Hex {
  return hexOf(core.nodes, 0, HASH);
}
