/** Datanet ingest: dropped files → typed rows plus the problems found. Pure library: no I/O of its own. */
export { IngestError, type IngestErrorCode, type IngestStatus } from "./errors";
export { detectFormat, SUPPORTED_EXTENSIONS } from "./formats";
export { DEFAULT_LIMITS, type IngestLimits, resolveLimits } from "./limits";
export { FIELD_SYNONYMS, guessMapping, KIND_FIELDS, resolveMapping } from "./mapping";
export { parseFiles } from "./parse-files";
export type {
  ColumnMapping,
  FileParse,
  IngestFormat,
  IngestProgress,
  ParsedRow,
  ParseOptions,
  ProblemCode,
  RowField,
  RowProblem,
  SourceFile,
} from "./types";
