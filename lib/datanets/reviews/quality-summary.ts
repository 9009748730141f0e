/** The headline numbers of a stored quality report (contributions.quality_report), for reviewers. */
export interface QualitySummary {
  totalRows: number;
  flaggedRows: number;
  cleanRows: number;
  /** 0–100, the report's own score. */
  score: number;
  /** Rows carrying each flag type, only the types present. */
  counts: Record<string, number>;
  redactedRows: number;
}

const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/**
 * Reads the summary out of a stored report, tolerating older or partial shapes (the column is JSON):
 * missing numbers read as 0 and flag types with no rows are left out.
 */
export function summarizeQualityReport(report: unknown): QualitySummary {
  const r = (report ?? {}) as Record<string, unknown>;
  const counts: Record<string, number> = {};
  for (const [type, n] of Object.entries((r.counts ?? {}) as Record<string, unknown>)) {
    if (count(n) > 0) counts[type] = count(n);
  }
  return {
    totalRows: count(r.totalRows),
    flaggedRows: count(r.flaggedRows),
    cleanRows: count(r.cleanRows),
    score: count(r.score),
    counts,
    redactedRows: count(r.redactedRows),
  };
}
