import { isEmptySignature, type MinHashSignature, NUM_PERMUTATIONS } from "./minhash";

/**
 * Locality-sensitive hashing over MinHash signatures: the first BANDS × ROWS_PER_BAND = 21 × 6 = 126 of the 128
 * values are cut into 21 bands of 6; two rows become a candidate pair when all 6 values of any band agree.
 *
 * For a pair with Jaccard similarity s, one band agrees with probability s^6, so
 *   P(candidate) = 1 − (1 − s^6)^21
 *   s = 0.90 → 0.99999   s = 0.85 → 0.9998   s = 0.80 → 0.9983   s = 0.75 → 0.984
 *   s = 0.50 → 0.28      s = 0.30 → 0.015    s = 0.20 → 0.0013
 * The S-curve's midpoint (1/21)^(1/6) ≈ 0.60 sits below the 0.8 line, so pairs at 0.8 are found with
 * probability > 99.8% while dissimilar pairs (s ≤ 0.3) rarely cost a comparison. For contrast, 16 × 8 finds a
 * 0.8 pair only 94.7% of the time, and 32 × 4 makes 87% of s = 0.5 pairs candidates.
 * Candidates are confirmed by the Jaccard similarity estimated from all 128 values (standard error
 * √(s(1−s)/128) ≈ 0.035 at s = 0.8), against the threshold (default 0.8).
 */
export const BANDS = 21;
export const ROWS_PER_BAND = 6;
export const DEFAULT_SIMILARITY_THRESHOLD = 0.8;

/** One 32-bit key per band (murmur3-style mix of the band's values, seeded by the band number). */
export function lshBandKeys(sig: MinHashSignature): Uint32Array {
  if (sig.length !== NUM_PERMUTATIONS) throw new RangeError(`a signature has ${NUM_PERMUTATIONS} values`);
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      let k = Math.imul(sig[band * ROWS_PER_BAND + r] as number, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h ^= Math.imul(k, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    keys[band] = h >>> 0;
  }
  return keys;
}

/**
 * Open-addressing map from (band, key) to the most recent entry with that key; older entries hang off a chain.
 * Typed arrays keep 100,000 rows × 21 bands at ~30 MB instead of millions of Map entries.
 */
class BucketTable {
  private bands = new Uint8Array(0);
  private keys = new Uint32Array(0);
  private heads = new Int32Array(0); // entry id + 1; 0 = empty slot
  private size = 0;
  private mask = -1;

  constructor(initialCapacity = 1024) {
    this.resize(Math.max(16, 1 << Math.ceil(Math.log2(initialCapacity))));
  }

  private resize(capacity: number): void {
    const { bands, keys, heads } = this;
    this.bands = new Uint8Array(capacity);
    this.keys = new Uint32Array(capacity);
    this.heads = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < heads.length; i++) {
      if (heads[i] !== 0) this.place(bands[i] as number, keys[i] as number, heads[i] as number);
    }
  }

  private slot(band: number, key: number): number {
    return (Math.imul(key ^ Math.imul(band, 0x27d4eb2d), 0x9e3779b1) >>> 0) & this.mask;
  }

  private place(band: number, key: number, head: number): number {
    let i = this.slot(band, key);
    for (;;) {
      const current = this.heads[i] as number;
      if (current === 0) {
        this.bands[i] = band;
        this.keys[i] = key;
        this.heads[i] = head;
        return 0;
      }
      if (this.keys[i] === key && this.bands[i] === band) {
        this.heads[i] = head;
        return current;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Makes `id` the head for (band, key); returns the previous head + 1 (0 if none). */
  push(band: number, key: number, id: number): number {
    if ((this.size + 1) * 10 > this.heads.length * 7) this.resize(this.heads.length * 2);
    const previous = this.place(band, key, id + 1);
    if (previous === 0) this.size++;
    return previous;
  }

  /** The head entry id + 1 for (band, key), 0 if none. */
  head(band: number, key: number): number {
    let i = this.slot(band, key);
    for (;;) {
      const current = this.heads[i] as number;
      if (current === 0) return 0;
      if (this.keys[i] === key && this.bands[i] === band) return current;
      i = (i + 1) & this.mask;
    }
  }
}

/** estimateJaccard against a signature stored at `offset` of a flat array (non-empty signatures only). */
function agreement(sig: MinHashSignature, store: Uint32Array, offset: number): number {
  let equal = 0;
  for (let k = 0; k < NUM_PERMUTATIONS; k++) if (sig[k] === store[offset + k]) equal++;
  return equal / NUM_PERMUTATIONS;
}

export interface NearDuplicateMatch<R> {
  ref: R;
  similarity: number;
}

/**
 * An in-memory LSH index of MinHash signatures, each with a reference `R` (a contribution row, or a stored row's
 * ids). Build it from stored signatures (`signatureFromBytes`) to check a contribution against a Datanet.
 */
export class NearDuplicateIndex<R> {
  private readonly refs: R[] = [];
  private store: Uint32Array; // signatures, flat: entry id × 128 values
  private next: Int32Array; // chain: next[id * BANDS + band] = older id + 1
  private readonly table: BucketTable;
  private visited: Uint32Array; // per-query stamp to count each candidate once

  /** `expectedSize` pre-sizes the arrays (they grow as needed either way). */
  constructor(expectedSize = 1024) {
    const capacity = Math.max(16, Math.ceil(expectedSize));
    this.store = new Uint32Array(capacity * NUM_PERMUTATIONS);
    this.next = new Int32Array(capacity * BANDS);
    this.table = new BucketTable(Math.ceil((capacity * BANDS) / 0.7));
    this.visited = new Uint32Array(capacity);
  }
  private stamp = 0;

  get size(): number {
    return this.refs.length;
  }

  /** Adds a signature; empty signatures (no text) are kept out. Returns the entry id or -1. */
  add(ref: R, sig: MinHashSignature, keys: Uint32Array = lshBandKeys(sig)): number {
    if (isEmptySignature(sig)) return -1;
    const id = this.refs.length;
    this.refs.push(ref);
    if ((id + 1) * NUM_PERMUTATIONS > this.store.length) {
      const grown = new Uint32Array(this.store.length * 2);
      grown.set(this.store);
      this.store = grown;
    }
    this.store.set(sig, id * NUM_PERMUTATIONS);
    if ((id + 1) * BANDS > this.next.length) {
      const grown = new Int32Array(this.next.length * 2);
      grown.set(this.next);
      this.next = grown;
      const visited = new Uint32Array(this.visited.length * 2);
      visited.set(this.visited);
      this.visited = visited;
    }
    for (let band = 0; band < BANDS; band++) {
      this.next[id * BANDS + band] = this.table.push(band, keys[band] as number, id);
    }
    return id;
  }

  /** Entry ids sharing at least one band with the signature. */
  candidateIds(keys: Uint32Array): number[] {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.visited.fill(0);
      this.stamp = 1;
    }
    const out: number[] = [];
    for (let band = 0; band < BANDS; band++) {
      let entry = this.table.head(band, keys[band] as number);
      while (entry !== 0) {
        const id = entry - 1;
        if (this.visited[id] !== this.stamp) {
          this.visited[id] = this.stamp;
          out.push(id);
        }
        entry = this.next[id * BANDS + band] as number;
      }
    }
    return out;
  }

  /** The signature of an entry (a copy). */
  signature(id: number): MinHashSignature {
    return this.store.slice(id * NUM_PERMUTATIONS, (id + 1) * NUM_PERMUTATIONS);
  }

  /**
   * An entry's signature as a view of the index's storage, without a copy. The values never change; an index
   * that grows past its capacity moves to new storage and older views keep the old one alive.
   */
  signatureView(id: number): MinHashSignature {
    return this.store.subarray(id * NUM_PERMUTATIONS, (id + 1) * NUM_PERMUTATIONS);
  }

  /** Candidates for a signature with their signatures (for callers that confirm themselves). */
  candidates(keys: Uint32Array): { ref: R; signature: MinHashSignature }[] {
    return this.candidateIds(keys).map((id) => ({
      ref: this.refs[id] as R,
      signature: this.signature(id),
    }));
  }

  /** The most similar indexed entry with estimated Jaccard ≥ threshold, or null. Earliest entry wins ties. */
  query(
    sig: MinHashSignature,
    threshold = DEFAULT_SIMILARITY_THRESHOLD,
    keys: Uint32Array = lshBandKeys(sig),
  ): NearDuplicateMatch<R> | null {
    if (isEmptySignature(sig)) return null;
    let best = -1;
    let bestSimilarity = -1;
    for (const id of this.candidateIds(keys)) {
      const similarity = agreement(sig, this.store, id * NUM_PERMUTATIONS);
      if (similarity >= threshold && (similarity > bestSimilarity || (similarity === bestSimilarity && id < best))) {
        best = id;
        bestSimilarity = similarity;
      }
    }
    return best < 0 ? null : { ref: this.refs[best] as R, similarity: bestSimilarity };
  }
}
