/** A row of the contribution being checked: the file it came from and its 1-based line (or record) number. */
export interface RowRef {
  file: string;
  line: number;
}

/** A row already stored in some Datanet. */
export interface ExistingRowRef {
  datanetId: string;
  rowId: string;
}

/**
 * Finds stored rows by normalized hash. Given a batch of distinct hashes, answers the ones that exist (one row per
 * hash is enough). The report calls it in batches (`lookupBatchSize`, default 1,000 hashes) so the database layer
 * can answer each batch with one indexed query, e.g. `WHERE normalized_hash = ANY($1)`.
 */
export type ExistingLookup = (normalizedHashes: readonly string[]) => Promise<Map<string, ExistingRowRef>>;
