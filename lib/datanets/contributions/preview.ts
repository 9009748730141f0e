import type { SourceFile } from "../ingest";
import type { PreparedContribution, PrepareProgress } from "./prepare";
import { datanetSigningId } from "./signing-id";
import type { ContributionTarget } from "./submit";
import type { TwinDatanet } from "./twin-names";

/** The first rows a preview shows. */
const SAMPLE_ROWS = 50;
/** Flagged rows whose text the preview also carries, so the report can show them wherever they are. */
const FLAGGED_ROWS = 500;

/**
 * What a preview answers: the files as read (with their row counts), a sample of rows plus the
 * flagged ones, the full quality report, the name and slug of each Datanet its flags point into
 * (`twinDatanets`, from twin-names.ts), and what to sign.
 */
export function previewResponse(
  datanet: ContributionTarget,
  prepared: PreparedContribution,
  twinDatanets: Record<string, TwinDatanet> = {},
) {
  const rowsPerFile = new Map<string, number>();
  for (const row of prepared.rows) rowsPerFile.set(row.file, (rowsPerFile.get(row.file) ?? 0) + 1);
  const positions = new Set<number>();
  for (let i = 0; i < Math.min(SAMPLE_ROWS, prepared.rows.length); i++) positions.add(i);
  for (const flagged of prepared.report.rows) {
    if (positions.size >= SAMPLE_ROWS + FLAGGED_ROWS) break;
    if (flagged.index !== null) positions.add(flagged.index);
  }
  return {
    files: prepared.files.map((file) => ({ ...file, rowCount: rowsPerFile.get(file.file) ?? 0 })),
    sample: [...positions]
      .sort((a, b) => a - b)
      .map((position) => {
        const row = prepared.rows[position] as PreparedContribution["rows"][number];
        return { position, file: row.file, line: row.line, fields: row.fields };
      }),
    report: prepared.report,
    twinDatanets,
    redactedRows: prepared.redactedRows,
    rowCount: prepared.rowCount,
    contentRoot: prepared.contentRoot,
    license: datanet.license,
    datanetSigningId: datanetSigningId(datanet.id).toString(),
  };
}

/** A streamed preview's progress line: the phase and its counts; for "parse", bytes read over all the files. */
export interface PreviewProgress {
  phase: PrepareProgress["phase"];
  done: number;
  total: number;
}

/** Turns prepareContribution's progress (parse progress comes per file) into one bar per phase. */
export function previewProgress(files: readonly Pick<SourceFile, "name" | "bytes">[]) {
  const offsets = new Map<string, number>();
  let bytesTotal = 0;
  for (const file of files) {
    offsets.set(file.name, bytesTotal);
    bytesTotal += file.bytes.length;
  }
  return (p: PrepareProgress): PreviewProgress =>
    p.phase === "parse"
      ? { phase: "parse", done: (offsets.get(p.file) ?? 0) + p.bytesDone, total: bytesTotal }
      : { phase: p.phase, done: p.done, total: p.total };
}
