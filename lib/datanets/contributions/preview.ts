import type { PreparedContribution } from "./prepare";
import { datanetSigningId } from "./signing-id";
import type { ContributionTarget } from "./submit";

/** Rows shown in a preview (the report lists every flagged row regardless). */
const SAMPLE_ROWS = 50;

/** What a preview answers: the files as read, a sample of rows, the full quality report, and what to sign. */
export function previewResponse(datanet: ContributionTarget, prepared: PreparedContribution) {
  return {
    files: prepared.files,
    sample: prepared.rows.slice(0, SAMPLE_ROWS).map((row) => ({
      position: row.position,
      file: row.file,
      line: row.line,
      fields: row.fields,
    })),
    report: prepared.report,
    redactedRows: prepared.redactedRows,
    rowCount: prepared.rowCount,
    contentRoot: prepared.contentRoot,
    license: datanet.license,
    datanetSigningId: datanetSigningId(datanet.id).toString(),
  };
}
