import Papa from "papaparse";
import type { TabularResult, TextContext } from "./context";
import { decodeChunks } from "./decode";
import { IngestError } from "./errors";
import { resolveMapping } from "./mapping";
import type { RowField } from "./types";

/** A pending record longer than this has almost surely swallowed the file through an unclosed quote. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

const CANDIDATE_DELIMITERS = [",", ";", "\t", "|"] as const;

/** .csv files may use ; (European Excel), tab or |: the candidate seen most often in the header line wins. */
export function guessDelimiter(headerLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of headerLine) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function guessNewline(text: string): "\r\n" | "\n" | "\r" {
  const nl = text.indexOf("\n");
  if (nl < 0) return text.includes("\r") ? "\r" : "\n";
  return nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
}

function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

/**
 * CSV/TSV through papaparse's core Parser, fed chunk by chunk as the bytes are decoded (the same
 * partial-line carry-over Papa's own streamers do), so memory stays near the size of the rows kept.
 * A header row is required; each record's source line is tracked through quoted multi-line fields.
 */
export function parseDelimited(ctx: TextContext, tsv: boolean): TabularResult {
  const { file, sink } = ctx;
  let header: string[] | null = null;
  let fieldIndex: Partial<Record<RowField, number>> = {};
  let result: TabularResult | null = null;
  let newline: "\r\n" | "\n" | "\r" = "\n";
  let lineChar = "\n";
  let delimiter = tsv ? "\t" : ",";

  let aggregate = "";
  let base = 0; // absolute char index of aggregate[0]
  let prevEnd = 0; // absolute char index where the next record starts
  let line = 1; // source line at prevEnd
  let records = 0;
  let mismatched = 0;
  let firstMismatch: { line: number; count: number } | null = null;

  // The core Parser's step gets data as a one-row array (Papa's ParserHandle unwraps it for its own users).
  const onRecord = (results: { data: string[][]; errors: Papa.ParseError[]; meta: Papa.ParseMeta }) => {
    const row = results.data[0] ?? [""];
    const end = results.meta.cursor;
    const rowLine = line;
    const start = prevEnd;
    for (
      let i = aggregate.indexOf(lineChar, prevEnd - base);
      i >= 0 && i < end - base;
      i = aggregate.indexOf(lineChar, i + 1)
    ) {
      line++;
    }
    prevEnd = end;
    // A truly empty line is not a record (a quoted "" or spaces on a line are, and get reported as empty).
    if (row.length === 1 && row[0] === "" && end - start <= newline.length) return;
    for (const error of results.errors) {
      if (error.code === "MissingQuotes") {
        throw new IngestError(
          "unclosed_quote",
          `${file} line ${rowLine}: a quoted field is never closed, so the rest of the file would be one value. Close the quote, or double quotes inside values ("").`,
          422,
          { file, line: rowLine },
        );
      }
    }
    if (header === null) {
      header = readHeader(file, row, rowLine);
      const mapping = resolveMapping(file, header, ctx.kind, ctx.mapping);
      const columns: string[] = header;
      fieldIndex = Object.fromEntries(
        Object.entries(mapping).map(([field, column]) => [field, columns.indexOf(column as string)]),
      );
      result = { columns, mapping };
      return;
    }
    records++;
    const quoteError = results.errors.find((e) => e.code === "InvalidQuotes");
    if (quoteError) {
      sink.problem(rowLine, "parse_error", `malformed quotes: ${quoteError.message}`);
      return;
    }
    const width = header.length;
    if (row.length !== width && !(row.length > width && row.slice(width).every((v) => v.trim() === ""))) {
      mismatched++;
      firstMismatch ??= { line: rowLine, count: row.length };
      sink.problem(rowLine, "column_count", `the row has ${row.length} fields, the header has ${width}`);
      return;
    }
    sink.offer(
      rowLine,
      (field) => {
        const index = fieldIndex[field];
        return index === undefined ? undefined : row[index];
      },
      (result as TabularResult).mapping,
    );
  };

  for (const chunk of decodeChunks(file, ctx.bytes, ctx.encoding, ctx.bomBytes)) {
    aggregate = aggregate.slice(prevEnd - base) + chunk.text;
    base = prevEnd;
    if (base === 0 && header === null && records === 0) {
      newline = guessNewline(aggregate);
      lineChar = newline === "\r" ? "\r" : "\n";
      if (!tsv) delimiter = guessDelimiter(firstLine(aggregate));
    }
    // Papa's core Parser: undocumented in the guide but exported and typed; one per chunk, as Papa's ParserHandle does.
    const parser = new Papa.Parser({
      delimiter,
      newline,
      quoteChar: '"',
      step: onRecord as unknown as Papa.ParseConfig["step"],
    });
    parser.parse(aggregate, base, !chunk.last);
    if (!chunk.last && aggregate.length - (prevEnd - base) > MAX_RECORD_CHARS) {
      throw new IngestError(
        "unclosed_quote",
        `${file} line ${line}: one record runs past 16 MiB, which almost always means a quoted field is never closed. Close the quote, or double quotes inside values ("").`,
        422,
        { file, line },
      );
    }
    ctx.progress(chunk.end);
  }

  if (header === null || result === null) {
    throw new IngestError("empty_file", `${file} is empty: it needs a header row and at least one data row.`, 422, {
      file,
    });
  }
  if (records === 0) {
    throw new IngestError("empty_file", `${file} has a header row but no data rows.`, 422, { file, columns: header });
  }
  if (firstMismatch !== null && mismatched * 2 > records) {
    const { line: badLine, count } = firstMismatch as { line: number; count: number };
    throw new IngestError(
      "inconsistent_columns",
      `${file}: ${mismatched} of ${records} rows do not have the header's ${(header as string[]).length} fields (first at line ${badLine}, with ${count}). Check the delimiter ("${delimiter === "\t" ? "\\t" : delimiter}" was used) and quote values that contain it.`,
      422,
      {
        file,
        line: badLine,
        rows: records,
        mismatched,
        expected: (header as string[]).length,
        found: count,
        delimiter,
      },
    );
  }
  return result;
}

function readHeader(file: string, row: string[], line: number): string[] {
  // Unnamed columns (a pandas index, a trailing comma) still need a name to be shown and mapped.
  const names = row.map((name, i) => name.trim() || `column_${i + 1}`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new IngestError(
        "duplicate_column",
        `${file} line ${line}: the header names column "${name}" twice. Give each column a unique name.`,
        422,
        { file, line, column: name },
      );
    }
    seen.add(name);
  }
  if (names.every((n) => /^[-+]?\d+([.,]\d+)?$/.test(n))) {
    throw new IngestError(
      "missing_header",
      `${file} line ${line}: the first row holds only numbers, so it is data, not a header. Add a header row naming the columns (for example text,label).`,
      422,
      { file, line },
    );
  }
  return names;
}
