/** Deterministic train/validation splits by a hash of the document id. */

/** Which side of a split a document falls on. */
export type Split = "train" | "validation";

/** Options for assigning splits. */
export interface SplitOptions {
  /** Share of documents in validation, in [0, 1]. Default 0.1. */
  validationFraction?: number;
  /** Mixed into the hash: a different salt gives a different (still deterministic) split. Default "". */
  salt?: string;
}

/** 32-bit FNV-1a over the UTF-8 bytes, then murmur3's finaliser so nearby ids spread evenly. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The split of one document id: validation when hash(salt + id) / 2^32 < validationFraction. */
export function splitOf(id: string, options: SplitOptions = {}): Split {
  const fraction = options.validationFraction ?? 0.1;
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`validationFraction ${fraction} is not in [0, 1]`);
  return hashString(`${options.salt ?? ""}\u0000${id}`) / 2 ** 32 < fraction ? "validation" : "train";
}

/** Partitions documents into train and validation by id, keeping their order. */
export function splitDocuments<T extends { id: string }>(
  documents: readonly T[],
  options: SplitOptions = {},
): { train: T[]; validation: T[] } {
  const train: T[] = [];
  const validation: T[] = [];
  for (const doc of documents) (splitOf(doc.id, options) === "train" ? train : validation).push(doc);
  return { train, validation };
}
