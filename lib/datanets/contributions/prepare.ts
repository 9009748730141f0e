import type { Db } from "@/lib/db/client";
import { type ColumnMapping, type FileParse, type IngestLimits, parseFiles, type SourceFile } from "../ingest";
import type { DatanetKind, RowFields } from "../kinds";
import { type MinHashSignature, type QualityReport, qualityReport, type RowDigest, redact, scanRow } from "../quality";
import { contentRoot } from "../versions";
import { existingLookups, existingSignatures } from "./existing";

/** How to read the dropped files. */
export interface ContributionInput {
  files: SourceFile[];
  /** Column mapping for every tabular/JSON file, and per file name. */
  mapping?: ColumnMapping;
  mappings?: Record<string, ColumnMapping>;
  /** Replace every PII/secret finding with a placeholder before hashing (what gets signed is redacted). */
  redactPii?: boolean;
  limits?: Partial<IngestLimits>;
}

/** A row ready to store: where it came from, its fields and what the checks computed for it. */
export interface PreparedRow {
  position: number;
  file: string;
  line: number;
  fields: RowFields;
  rowHash: `0x${string}`;
  normHash: `0x${string}`;
  /** MinHash signature (stored as its little-endian bytes; its LSH band keys go to the band table). */
  signature: MinHashSignature;
}

/** A contribution parsed and checked: its rows, the report, and the content root its author signs. */
export interface PreparedContribution {
  files: Omit<FileParse, "rows">[];
  rows: PreparedRow[];
  report: QualityReport;
  contentRoot: `0x${string}`;
  rowCount: number;
  /** Rows whose PII or secrets were replaced by placeholders (redactPii). */
  redactedRows: number;
}

/** Progress of preparing a contribution, for a progress bar. */
export type PrepareProgress =
  | { phase: "parse"; file: string; bytesDone: number; bytesTotal: number; rows: number }
  | { phase: "rows" | "existing_duplicates" | "existing_near_duplicates"; done: number; total: number };

/**
 * Parses the files into rows of the Datanet's kind and runs every quality check on them, against this
 * Datanet's rows and every other Datanet the contributor may see. Pure reading: stores nothing.
 * Whole-file problems throw an IngestError (4xx); row problems are in the report.
 */
export async function prepareContribution(
  db: Db,
  datanet: { id: string; kind: DatanetKind },
  input: ContributionInput,
  options: { viewerId?: string; onProgress?: (progress: PrepareProgress) => void } = {},
): Promise<PreparedContribution> {
  const parsed = await parseFiles(input.files, {
    kind: datanet.kind,
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.mappings ? { mappings: input.mappings } : {}),
    ...(input.limits ? { limits: input.limits } : {}),
    onProgress: (p) => options.onProgress?.({ phase: "parse", ...p }),
  });
  let redactedRows = 0;
  const rows = parsed.flatMap((file) =>
    file.rows.map((row) => {
      if (!input.redactPii) return row;
      const findings = scanRow(row.fields);
      if (findings.length === 0) return row;
      redactedRows += 1;
      return { ...row, fields: redact(row.fields, findings) };
    }),
  );
  const digests: RowDigest[] = new Array(rows.length);
  const report = await qualityReport(rows, {
    existing: existingLookups(db, {
      datanetId: datanet.id,
      ...(options.viewerId ? { viewerId: options.viewerId } : {}),
    }),
    nearDuplicateIndex: existingSignatures(db, options.viewerId),
    // One batch per 100,000 rows: PostgreSQL answers it with one hash join over the stored keys, where
    // batches of 1,000 each paid for a scan of their own.
    lookupBatchSize: 100_000,
    ingestProblems: parsed.flatMap((file) =>
      file.problems.map((p) => ({ file: p.file, line: p.line, code: p.code, message: p.message, field: p.column })),
    ),
    onProgress: (p) => options.onProgress?.(p),
    onRow: (index, digest) => {
      digests[index] = digest;
    },
  });
  const prepared = rows.map((row, position): PreparedRow => {
    const digest = digests[position] as RowDigest;
    return {
      position,
      file: row.file,
      line: row.line,
      fields: row.fields,
      rowHash: digest.rowHash,
      normHash: digest.normalizedHash,
      signature: digest.signature,
    };
  });
  return {
    files: parsed.map(({ rows: _rows, ...file }) => file),
    rows: prepared,
    report,
    contentRoot: contentRoot(prepared.map((r) => r.rowHash)),
    rowCount: prepared.length,
    redactedRows,
  };
}
