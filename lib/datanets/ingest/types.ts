import type { DatanetKind, RowFields } from "../kinds";
import type { IngestLimits } from "./limits";

/** One dropped file, as bytes. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** Which source column (CSV/TSV header) or key (JSON/JSONL) feeds each row-schema field. */
export interface ColumnMapping {
  text?: string;
  prompt?: string;
  completion?: string;
  label?: string;
}

export type RowField = keyof ColumnMapping;

export type ProblemCode = "invalid_encoding" | "empty_row" | "row_too_long" | "schema" | "parse_error" | "column_count";

/** A source record that did not become a row; it is reported, never dropped silently. */
export interface RowProblem {
  file: string;
  /** 1-based line in the source (page number for PDF, paragraph number for DOCX). */
  line: number;
  column?: string;
  code: ProblemCode;
  message: string;
}

export interface ParsedRow {
  file: string;
  /** 1-based line in the source (page number for PDF, paragraph number for DOCX). */
  line: number;
  fields: RowFields;
}

export type IngestFormat = "text" | "markdown" | "csv" | "tsv" | "jsonl" | "json" | "code" | "pdf" | "docx";

export interface FileParse {
  file: string;
  format: IngestFormat;
  rows: ParsedRow[];
  problems: RowProblem[];
  /** Header (CSV/TSV) or keys seen (JSON/JSONL), in order of first appearance. */
  columns?: string[];
  /** The mapping used: the caller's, completed by guesses from the column names. */
  mapping?: ColumnMapping;
  bytes: number;
}

export interface IngestProgress {
  file: string;
  bytesDone: number;
  bytesTotal: number;
  rows: number;
}

export interface ParseOptions {
  kind: DatanetKind;
  /** Applies to every tabular/JSON file; `mappings[fileName]` overrides it for one file. */
  mapping?: ColumnMapping;
  mappings?: Record<string, ColumnMapping>;
  limits?: Partial<IngestLimits>;
  onProgress?: (progress: IngestProgress) => void;
}
