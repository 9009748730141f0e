import type { ExistingLookup, ExistingRowRef } from "./types";

/**
 * For each position, the index of the first earlier position with the same hash, or -1 for a first occurrence.
 * Second and later occurrences all point at the first one.
 */
export function firstOccurrences(hashes: readonly string[]): Int32Array {
  const seen = new Map<string, number>();
  const out = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    const hash = hashes[i] as string;
    const first = seen.get(hash);
    if (first === undefined) {
      seen.set(hash, i);
      out[i] = -1;
    } else {
      out[i] = first;
    }
  }
  return out;
}

/** Asks `lookup` about every distinct hash, in batches of `batchSize`, and merges the answers. */
export async function lookupExisting(
  hashes: Iterable<string>,
  lookup: ExistingLookup,
  batchSize = 1000,
): Promise<Map<string, ExistingRowRef>> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  const distinct = [...new Set(hashes)];
  const found = new Map<string, ExistingRowRef>();
  for (let start = 0; start < distinct.length; start += batchSize) {
    const batch = distinct.slice(start, start + batchSize);
    const answer = await lookup(batch);
    for (const hash of batch) {
      const ref = answer.get(hash);
      if (ref) found.set(hash, ref);
    }
  }
  return found;
}
