import type { DatanetKind } from "../kinds";
import type { IngestLimits } from "./limits";
import type { RowSink } from "./row-sink";
import type { TextEncoding } from "./sniff";
import type { ColumnMapping } from "./types";

/** What a format parser gets: the file, where its rows go, and how to report progress. */
export interface ParseContext {
  file: string;
  bytes: Uint8Array;
  kind: DatanetKind;
  limits: IngestLimits;
  sink: RowSink;
  mapping?: ColumnMapping;
  progress: (bytesDone: number) => void;
}

export interface TextContext extends ParseContext {
  encoding: TextEncoding;
  bomBytes: number;
}

/** Columns found and the mapping used, for formats that have columns. */
export interface TabularResult {
  columns: string[];
  mapping: ColumnMapping;
}
