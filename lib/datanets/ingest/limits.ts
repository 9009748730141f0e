export interface IngestLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
  /** Source records read across all files: accepted rows plus rows reported as problems. */
  maxRows: number;
  /** Characters in one row, all its fields together. */
  maxRowChars: number;
  /** DOCX: total uncompressed size of the archive's entries. */
  maxUnzippedBytes: number;
  /** DOCX: uncompressed/compressed ratio allowed once the archive inflates past 1 MiB. */
  maxCompressionRatio: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxFileBytes: 64 * MiB,
  maxTotalBytes: 256 * MiB,
  maxFiles: 20,
  maxRows: 200_000,
  maxRowChars: 20_000,
  maxUnzippedBytes: 64 * MiB,
  maxCompressionRatio: 100,
});

export function resolveLimits(overrides: Partial<IngestLimits> = {}): IngestLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof IngestLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`ingest limit ${key} must be a positive number`);
    limits[key] = value;
  }
  return limits;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MiB) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / MiB).toFixed(1)} MiB`;
}
