"use client";

import { FileText } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { KIND_FIELDS } from "@/lib/datanets/ingest/mapping";
import type { IngestFormat, ColumnMapping as Mapping } from "@/lib/datanets/ingest/types";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { formatCount, plural } from "../format";
import { ColumnMapping } from "./column-mapping";
import { formatSize } from "./file-rules";
import type { PreviewFile } from "./types";

const FORMAT_NAMES: Record<IngestFormat, string> = {
  text: "Plain text",
  markdown: "Markdown",
  csv: "CSV",
  tsv: "TSV",
  jsonl: "JSON Lines",
  json: "JSON",
  code: "Source code",
  pdf: "PDF",
  docx: "Word",
};

/** Each file as the server read it: format, size, rows and problems, and its column mapping when it has columns. */
export function FileResults({
  files,
  kind,
  totalRows,
  disabled,
  onMappingChange,
}: {
  files: readonly PreviewFile[];
  kind: DatanetKind;
  /** Rows of the whole contribution: a single file's count when the server gives no per-file one. */
  totalRows: number;
  disabled?: boolean;
  onMappingChange: (fileName: string, mapping: Mapping) => void;
}) {
  return (
    <ul aria-label="Files read" className="grid gap-3">
      {files.map((file) => {
        const rows = file.rowCount ?? (files.length === 1 ? totalRows : undefined);
        return (
          <li key={file.file} className="grid min-w-0 gap-3 rounded-xl border bg-card p-4 shadow-xs">
            <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1.5">
              <FileText className="size-4 shrink-0 text-primary" aria-hidden="true" />
              <span className="min-w-0 truncate font-medium" title={file.file}>
                {file.file}
              </span>
              <Badge variant="secondary">{FORMAT_NAMES[file.format]}</Badge>
              <span className="text-muted-foreground text-sm tabular-nums">
                {formatSize(file.bytes)}
                {rows !== undefined ? ` · ${plural(rows, "row")}` : ""}
              </span>
              <span
                className={
                  file.problems.length > 0 ? "font-medium text-destructive text-sm" : "text-muted-foreground text-sm"
                }
              >
                {file.problems.length > 0
                  ? `${formatCount(file.problems.length)} ${file.problems.length === 1 ? "line" : "lines"} with problems`
                  : "no unreadable lines"}
              </span>
            </div>
            {file.columns && file.columns.length > 0 ? (
              <div className="grid gap-2 border-t pt-3">
                <p className="text-muted-foreground text-xs">
                  Columns found: {file.columns.map((c) => `“${c}”`).join(", ")}. Change a mapping to check again.
                </p>
                <ColumnMapping
                  fileName={file.file}
                  fields={KIND_FIELDS[kind]}
                  columns={file.columns}
                  mapping={file.mapping ?? {}}
                  disabled={disabled}
                  onChange={(mapping) => onMappingChange(file.file, mapping)}
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
