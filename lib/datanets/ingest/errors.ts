import { DomainError } from "@/lib/errors";

export type IngestErrorCode =
  | "no_files"
  | "duplicate_file_name"
  | "too_many_files"
  | "file_too_large"
  | "total_too_large"
  | "too_many_rows"
  | "empty_file"
  | "unsupported_format"
  | "binary_file"
  | "invalid_encoding"
  | "kind_mismatch"
  | "missing_column"
  | "missing_header"
  | "duplicate_column"
  | "inconsistent_columns"
  | "unclosed_quote"
  | "parse_error"
  | "schema"
  | "invalid_docx"
  | "zip_bomb"
  | "invalid_pdf"
  | "no_text";

export type IngestStatus = 400 | 413 | 415 | 422;

/** A whole-file (or whole-upload) failure: the message says what, where and what to do; details carry file, limit, line… */
export class IngestError extends DomainError {
  declare readonly details: Record<string, unknown>;

  constructor(code: IngestErrorCode, message: string, status: IngestStatus, details: Record<string, unknown> = {}) {
    super(code, message, status, details);
    this.name = "IngestError";
  }
}
