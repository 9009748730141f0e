import type { DatanetKind, RowFields } from "../kinds";
import { IngestError } from "./errors";
import type { IngestLimits } from "./limits";
import { KIND_FIELDS } from "./mapping";
import type { ColumnMapping, ParsedRow, ProblemCode, RowField, RowProblem } from "./types";

/** Records read so far in one parseFiles call, shared by its files for the maxRows limit. */
export interface RecordBudget {
  records: number;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Collects one file's rows and problems: every source record ends up in exactly one of the two. */
export class RowSink {
  readonly rows: ParsedRow[] = [];
  readonly problems: RowProblem[] = [];
  private readonly fields: readonly RowField[];

  constructor(
    readonly file: string,
    readonly kind: DatanetKind,
    private readonly limits: IngestLimits,
    private readonly budget: RecordBudget,
    /** JSON strings may carry escaped lone surrogates; decoded UTF-8/16 text cannot. */
    private readonly checkSurrogates = false,
  ) {
    this.fields = KIND_FIELDS[kind];
  }

  problem(line: number, code: ProblemCode, message: string, column?: string): void {
    this.count(line);
    this.problems.push(
      column === undefined
        ? { file: this.file, line, code, message }
        : { file: this.file, line, column, code, message },
    );
  }

  /** A plain-text row (text kind only): trimmed unless `keepIndent` (code), checked for emptiness and length. */
  text(line: number, text: string, keepIndent = false): void {
    this.offer(line, (field) => (field === "text" ? text : undefined), {}, keepIndent);
  }

  /** A record from a table or JSON: `value(field)` reads the mapped column; `mapping` names it in problems. */
  offer(line: number, value: (field: RowField) => unknown, mapping: ColumnMapping, keepIndent = false): void {
    const checked = this.check(value, mapping, keepIndent);
    if ("code" in checked) this.problem(line, checked.code, checked.message, checked.column);
    else {
      this.count(line);
      this.rows.push({ file: this.file, line, fields: checked.fields });
    }
  }

  private check(
    value: (field: RowField) => unknown,
    mapping: ColumnMapping,
    keepIndent: boolean,
  ): { fields: RowFields } | { code: ProblemCode; message: string; column?: string } {
    const out: Record<string, string> = {};
    let chars = 0;
    let firstEmpty: RowField | undefined;
    let empty = 0;
    const named = (field: RowField) => (mapping[field] === undefined ? field : `${field} (column "${mapping[field]}")`);
    for (const field of this.fields) {
      const column = mapping[field];
      const raw = value(field);
      if (raw === undefined) return { code: "schema", message: `missing ${named(field)}`, column };
      if (raw === null) return { code: "schema", message: `${named(field)} is null`, column };
      if (typeof raw !== "string") {
        const got = Array.isArray(raw)
          ? "an array"
          : typeof raw === "object"
            ? "an object"
            : `${typeof raw} ${String(raw)}`;
        return { code: "schema", message: `${named(field)} must be a string, got ${got}`, column };
      }
      const trimmed = keepIndent ? raw.trimEnd() : raw.trim();
      if (trimmed.trim() === "") {
        empty++;
        firstEmpty ??= field;
      }
      if (this.checkSurrogates && LONE_SURROGATE.test(trimmed)) {
        return {
          code: "invalid_encoding",
          message: `${named(field)} contains an unpaired UTF-16 surrogate escape`,
          column,
        };
      }
      chars += trimmed.length;
      out[field] = trimmed;
    }
    if (empty === this.fields.length) return { code: "empty_row", message: "the row is empty" };
    if (firstEmpty !== undefined)
      return { code: "schema", message: `${named(firstEmpty)} is empty`, column: mapping[firstEmpty] };
    if (chars > this.limits.maxRowChars) {
      const limit = this.limits.maxRowChars.toLocaleString("en-US");
      return {
        code: "row_too_long",
        message: `the row has ${chars.toLocaleString("en-US")} characters, over the ${limit} limit (maxRowChars)`,
      };
    }
    return { fields: out as RowFields };
  }

  private count(line: number): void {
    this.budget.records++;
    if (this.budget.records > this.limits.maxRows) {
      throw new IngestError(
        "too_many_rows",
        `Too many rows: ${this.file} line ${line} is past the ${this.limits.maxRows.toLocaleString("en-US")}-row limit (maxRows) for one contribution. Split the data into several contributions.`,
        413,
        { file: this.file, line, limit: "maxRows", max: this.limits.maxRows },
      );
    }
  }
}
