import type { Address, Hex } from "viem";
import type { DatanetKind } from "../kinds";
import { csvLine } from "./csv";

/** One row of a version as exported: its fields (by the Datanet's kind) and its provenance. */
export type ExportRow = {
  fields: Record<string, unknown>;
  rowHash: Hex;
  contributor: Address;
};

export type ExportFormat = "jsonl" | "csv";

/** The columns of each kind, in export order; provenance columns follow. */
export const KIND_COLUMNS: Record<DatanetKind, readonly string[]> = {
  text: ["text"],
  instruction: ["prompt", "completion"],
  labelled: ["text", "label"],
};
const PROVENANCE = ["contributor", "rowHash"] as const;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** Bytes gathered before a chunk is handed on: fewer, larger chunks for the HTTP response. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Streams rows as UTF-8 JSONL (one object per line: the kind's fields, then contributor and
 * rowHash) or CSV (a header, then one record per row, cells escaped by csvEscapeCell). Memory
 * stays at one chunk whatever the row count: rows are pulled from `rows` as the consumer reads.
 */
export async function* exportRows(
  kind: DatanetKind,
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  format: ExportFormat,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const columns = KIND_COLUMNS[kind];
  let pending = format === "csv" ? csvLine([...columns, ...PROVENANCE]) : "";
  for await (const row of rows) {
    if (format === "csv") {
      pending += csvLine([...columns.map((c) => row.fields[c]), row.contributor, row.rowHash]);
    } else {
      const record: Record<string, unknown> = {};
      for (const c of columns) record[c] = row.fields[c] ?? null;
      record.contributor = row.contributor;
      record.rowHash = row.rowHash;
      pending += `${JSON.stringify(record)}\n`;
    }
    if (pending.length >= CHUNK_BYTES) {
      yield encoder.encode(pending);
      pending = "";
    }
  }
  if (pending.length > 0) yield encoder.encode(pending);
}

/** exportRows as a web ReadableStream (what a route handler returns in a Response). */
export function exportStream(
  kind: DatanetKind,
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  format: ExportFormat,
): ReadableStream<Uint8Array> {
  const iterator = exportRows(kind, rows, format);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

/** The download's file name: `<slug>-v<version>.<format>`. */
export function exportFileName(datanetSlug: string, version: number, format: ExportFormat): string {
  const safe = datanetSlug.replace(/[^a-z0-9-]+/gi, "-").replace(/^-+|-+$/g, "") || "datanet";
  return `${safe}-v${version}.${format}`;
}
