import type { RowFields } from "../kinds";
import { lookupExisting } from "./exact-duplicates";
import { type Hex32, normalizedHash, rowHash } from "./hash";
import { DEFAULT_SIMILARITY_THRESHOLD, lshBandKeys, NearDuplicateIndex } from "./lsh";
import { estimateJaccard, type MinHashSignature, minhashSignature } from "./minhash";
import { type PiiFinding, scanRow } from "./pii";
import type { ExistingLookup, ExistingRowRef, RowRef } from "./types";

/** A problem the ingest library found (encoding, empty, too long, schema); carried so the UI shows one report. */
export interface IngestProblem extends RowRef {
  code: "invalid_encoding" | "empty" | "too_long" | "schema" | (string & {});
  message: string;
  field?: string;
}

export type NearDuplicateTwin = ({ source: "contribution" } & RowRef) | ({ source: "existing" } & ExistingRowRef);

export type RowFlag =
  | { type: "ingest"; code: IngestProblem["code"]; message: string; field?: string }
  | { type: "duplicate_in_contribution"; first: RowRef }
  | { type: "duplicate_in_datanet"; existing: ExistingRowRef }
  | { type: "duplicate_in_other_datanet"; existing: ExistingRowRef }
  | { type: "near_duplicate"; twin: NearDuplicateTwin; similarity: number }
  | { type: "pii"; findings: PiiFinding[] };

export type FlagType = RowFlag["type"];
export const FLAG_TYPES: readonly FlagType[] = [
  "ingest",
  "duplicate_in_contribution",
  "duplicate_in_datanet",
  "duplicate_in_other_datanet",
  "near_duplicate",
  "pii",
];

export interface FlaggedRow extends RowRef {
  /** Position in the `rows` argument, or null for a line only the ingest library saw. */
  index: number | null;
  flags: RowFlag[];
}

export interface QualityReport {
  /** Rows checked plus lines that only appear as ingest problems. */
  totalRows: number;
  flaggedRows: number;
  cleanRows: number;
  /** Rows carrying each flag (a row with two PII findings counts once). */
  counts: Record<FlagType, number>;
  /**
   * 0–100: the share of clean rows, where a row with an ingest problem, an exact duplicate or PII counts as fully
   * bad, and a row whose worst flag is a near-duplicate counts as half bad. One decimal.
   */
  score: number;
  /** Every flagged row, in file order then line order. */
  rows: FlaggedRow[];
}

/** A source of stored rows' MinHash signatures, queried by LSH band keys (see `lshBandKeys`). */
export interface ExistingSignatureSource {
  /**
   * For each query (the 21 band keys of one row), stored rows sharing at least one (band, key) pair, with their
   * signatures. Called with batches of `lookupBatchSize` queries; a database can store (row, band, key) triples
   * and answer a batch with one indexed query. False candidates are fine: they are confirmed here.
   */
  candidates(
    queries: readonly Uint32Array[],
  ):
    | Promise<{ ref: ExistingRowRef; signature: MinHashSignature }[][]>
    | { ref: ExistingRowRef; signature: MinHashSignature }[][];
}

/** Adapts an in-memory index of stored signatures to `ExistingSignatureSource`. */
export function indexSource(index: NearDuplicateIndex<ExistingRowRef>): ExistingSignatureSource {
  return { candidates: (queries) => queries.map((keys) => index.candidates(keys)) };
}

export interface QualityProgress {
  phase: "rows" | "existing_duplicates" | "existing_near_duplicates";
  done: number;
  total: number;
}

/** What was computed for a row, handed out so the store step need not compute it again. */
export interface RowDigest {
  rowHash: Hex32;
  normalizedHash: Hex32;
  signature: MinHashSignature;
  bandKeys: Uint32Array;
}

export interface QualityOptions {
  existing?: {
    /** Stored rows of the Datanet being contributed to. */
    datanet?: ExistingLookup;
    /** Stored rows of every other Datanet the contributor may see. */
    otherDatanets?: ExistingLookup;
  };
  /** Stored rows' signatures (this and other Datanets) for near-duplicates against existing data. */
  nearDuplicateIndex?: ExistingSignatureSource | NearDuplicateIndex<ExistingRowRef>;
  /** Jaccard similarity from which rows are near-duplicates (default 0.8). */
  similarityThreshold?: number;
  /** Hashes or queries per call to the existing-data sources (default 1,000). */
  lookupBatchSize?: number;
  /** Problems found by the ingest library, merged into the report. */
  ingestProblems?: readonly IngestProblem[];
  /** Called every `progressEvery` rows (default 1,000); the check yields to the event loop after each call. */
  onProgress?: (progress: QualityProgress) => void;
  progressEvery?: number;
  /** Receives each row's hashes and signature as soon as they are computed. */
  onRow?: (index: number, digest: RowDigest) => void;
}

export interface QualityRow extends RowRef {
  fields: RowFields;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function weight(flags: readonly RowFlag[]): number {
  let w = 0;
  for (const f of flags) w = Math.max(w, f.type === "near_duplicate" ? 0.5 : 1);
  return w;
}

/**
 * Runs every quality check on a contribution's rows: exact duplicates (within the contribution, in the Datanet,
 * in other Datanets, by normalized hash), near-duplicates (MinHash + LSH, within the contribution and against
 * stored signatures), PII and secrets. Nothing is dropped: every flagged row is listed with all its flags.
 */
export async function qualityReport(rows: readonly QualityRow[], options: QualityOptions = {}): Promise<QualityReport> {
  const threshold = options.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError("similarityThreshold must be in (0, 1]");
  const batchSize = options.lookupBatchSize ?? 1000;
  const progressEvery = options.progressEvery ?? 1000;
  const n = rows.length;
  const flags: (RowFlag[] | undefined)[] = new Array(n);
  const addFlag = (i: number, flag: RowFlag) => {
    const list = flags[i];
    if (list) list.push(flag);
    else flags[i] = [flag];
  };

  // Pass 1: hashes, in-contribution exact and near duplicates, PII.
  const normalized: Hex32[] = new Array(n);
  // Signatures live in the contribution's index (one flat array); entryOf maps a row to its entry (-1: exact
  // duplicate or empty text, neither of which is compared for near-duplicates).
  const entryOf = new Int32Array(n).fill(-1);
  const firstSeen = new Map<string, number>();
  const nearIndex = new NearDuplicateIndex<number>(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as QualityRow;
    const norm = normalizedHash(row.fields);
    normalized[i] = norm;
    let signature = minhashSignature(row.fields);
    const keys = lshBandKeys(signature);

    const first = firstSeen.get(norm);
    if (first === undefined) {
      firstSeen.set(norm, i);
      const twin = nearIndex.query(signature, threshold, keys);
      if (twin) {
        const t = rows[twin.ref] as QualityRow;
        addFlag(i, {
          type: "near_duplicate",
          twin: { source: "contribution", file: t.file, line: t.line },
          similarity: twin.similarity,
        });
      }
      const entry = nearIndex.add(i, signature, keys);
      entryOf[i] = entry;
      // The index holds the signature already (sized for every row, it never moves): hand out a view of it.
      if (entry >= 0) signature = nearIndex.signatureView(entry);
    } else {
      const f = rows[first] as QualityRow;
      addFlag(i, { type: "duplicate_in_contribution", first: { file: f.file, line: f.line } });
    }

    options.onRow?.(i, { rowHash: rowHash(row.fields), normalizedHash: norm, signature, bandKeys: keys });

    const findings = scanRow(row.fields);
    if (findings.length > 0) addFlag(i, { type: "pii", findings });

    if (options.onProgress && (i + 1) % progressEvery === 0) {
      options.onProgress({ phase: "rows", done: i + 1, total: n });
      await yieldToEventLoop();
    }
  }
  options.onProgress?.({ phase: "rows", done: n, total: n });

  // Passes 2 and 3 ask the stored data at the same time (the database answers one while the other waits).
  // Pass 2: exact duplicates of stored rows, by distinct normalized hash.
  let exactDone = false;
  const exactLookups = Promise.all(
    (
      [
        [options.existing?.datanet, "duplicate_in_datanet"],
        [options.existing?.otherDatanets, "duplicate_in_other_datanet"],
      ] as const
    ).map(async ([lookup, type]) =>
      lookup ? { type, found: await lookupExisting(firstSeen.keys(), lookup, batchSize) } : null,
    ),
  ).then((answers) => {
    exactDone = true;
    if (answers.some(Boolean)) {
      options.onProgress?.({ phase: "existing_duplicates", done: firstSeen.size, total: firstSeen.size });
    }
    return answers;
  });
  // Pass 3: near-duplicates of stored rows; rows that turn out to be exact copies of stored rows are skipped below.
  const nearLookups = (async () => {
    const found: { index: number; ref: ExistingRowRef; similarity: number }[] = [];
    if (!options.nearDuplicateIndex) return { found, checked: 0 };
    const source =
      options.nearDuplicateIndex instanceof NearDuplicateIndex
        ? indexSource(options.nearDuplicateIndex)
        : options.nearDuplicateIndex;
    const todo: number[] = [];
    for (let i = 0; i < n; i++) if ((entryOf[i] as number) >= 0) todo.push(i);
    for (let start = 0; start < todo.length; start += batchSize) {
      const batch = todo.slice(start, start + batchSize);
      const batchSignatures = batch.map((i) => nearIndex.signatureView(entryOf[i] as number));
      const answers = await source.candidates(batchSignatures.map((sig) => lshBandKeys(sig)));
      batch.forEach((i, b) => {
        let best: { ref: ExistingRowRef; similarity: number } | null = null;
        for (const c of answers[b] ?? []) {
          const similarity = estimateJaccard(batchSignatures[b] as MinHashSignature, c.signature);
          if (similarity >= threshold && (!best || similarity > best.similarity)) best = { ref: c.ref, similarity };
        }
        if (best) found.push({ index: i, ...best });
      });
      // Reported once the exact lookups are done, so the phases never go backwards.
      if (exactDone) {
        options.onProgress?.({
          phase: "existing_near_duplicates",
          done: Math.min(start + batchSize, todo.length),
          total: todo.length,
        });
      }
    }
    return { found, checked: todo.length };
  })();
  const [exact, near] = await Promise.all([exactLookups, nearLookups]);

  const inExisting = new Uint8Array(n);
  for (const answer of exact) {
    if (!answer) continue;
    for (let i = 0; i < n; i++) {
      const existing = answer.found.get(normalized[i] as string);
      if (!existing) continue;
      inExisting[i] = 1;
      addFlag(i, { type: answer.type, existing });
    }
  }
  for (const { index: i, ref, similarity } of near.found) {
    if (inExisting[i]) continue;
    const list = flags[i];
    const current = list?.find((f) => f.type === "near_duplicate");
    const twin: NearDuplicateTwin = { source: "existing", datanetId: ref.datanetId, rowId: ref.rowId };
    if (!current) addFlag(i, { type: "near_duplicate", twin, similarity });
    else if (current.type === "near_duplicate" && similarity >= current.similarity) {
      current.twin = twin;
      current.similarity = similarity;
    }
  }
  if (options.nearDuplicateIndex) {
    options.onProgress?.({ phase: "existing_near_duplicates", done: near.checked, total: near.checked });
  }

  // Merge ingest problems and assemble.
  const fileOrder = new Map<string, number>();
  const order = (file: string) => {
    let o = fileOrder.get(file);
    if (o === undefined) {
      o = fileOrder.size;
      fileOrder.set(file, o);
    }
    return o;
  };
  const byLine = new Map<string, FlaggedRow>();
  const flagged: FlaggedRow[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i] as QualityRow;
    order(row.file);
    const list = flags[i];
    if (!list) continue;
    const entry: FlaggedRow = { file: row.file, line: row.line, index: i, flags: list };
    flagged.push(entry);
    byLine.set(`${row.file}\u0000${row.line}`, entry);
  }
  const rowIndex = new Map<string, number>();
  if (options.ingestProblems?.length) {
    for (let i = 0; i < n; i++) {
      const r = rows[i] as QualityRow;
      rowIndex.set(`${r.file}\u0000${r.line}`, i);
    }
  }
  let ingestOnlyLines = 0;
  for (const p of options.ingestProblems ?? []) {
    order(p.file);
    const key = `${p.file}\u0000${p.line}`;
    const flag: RowFlag = { type: "ingest", code: p.code, message: p.message, ...(p.field ? { field: p.field } : {}) };
    const entry = byLine.get(key);
    if (entry) {
      entry.flags.unshift(flag);
      continue;
    }
    const index = rowIndex.get(key) ?? null;
    if (index === null) ingestOnlyLines++;
    const created: FlaggedRow = { file: p.file, line: p.line, index, flags: [flag] };
    flagged.push(created);
    byLine.set(key, created);
  }
  flagged.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line);

  const counts = Object.fromEntries(FLAG_TYPES.map((t) => [t, 0])) as Record<FlagType, number>;
  let bad = 0;
  for (const entry of flagged) {
    for (const t of new Set(entry.flags.map((f) => f.type))) counts[t]++;
    bad += weight(entry.flags);
  }
  const totalRows = n + ingestOnlyLines;
  return {
    totalRows,
    flaggedRows: flagged.length,
    cleanRows: totalRows - flagged.length,
    counts,
    score: totalRows === 0 ? 100 : Math.round((1000 * (totalRows - bad)) / totalRows) / 10,
    rows: flagged,
  };
}
