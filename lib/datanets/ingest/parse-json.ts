import type { TabularResult, TextContext } from "./context";
import { decodeAll } from "./decode";
import { IngestError } from "./errors";
import { arrayElementLines, lineAndColumn } from "./json-lines";
import { resolveMapping } from "./mapping";
import type { RowSink } from "./row-sink";

interface JsonRecord {
  line: number;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : `a ${typeof v}`);

/** Maps parsed JSON records onto rows; non-objects are schema problems. Keys seen form the columns. */
function emitRecords(ctx: TextContext, records: JsonRecord[], sink: RowSink): TabularResult {
  const keys = new Set<string>();
  for (const { value } of records) if (isObject(value)) for (const k of Object.keys(value)) keys.add(k);
  const columns = [...keys];
  const mapping = resolveMapping(ctx.file, columns, ctx.kind, ctx.mapping);
  for (let i = 0; i < records.length; i++) {
    const { line, value } = records[i] as JsonRecord;
    records[i] = { line, value: null }; // let each parsed object go once it is a row
    if (!isObject(value)) sink.problem(line, "schema", `expected a JSON object, got ${kindOf(value)}`);
    else
      sink.offer(
        line,
        (field) => (mapping[field] === undefined ? undefined : value[mapping[field] as string]),
        mapping,
      );
  }
  return { columns, mapping };
}

/** .jsonl: one JSON object per line; a broken line is a parse_error problem with its line number. */
export function parseJsonl(
  ctx: TextContext,
  text = decodeAll(ctx.file, ctx.bytes, ctx.encoding, ctx.bomBytes),
): TabularResult {
  const { file, sink } = ctx;
  const records: JsonRecord[] = [];
  let broken = 0;
  let firstBroken: { line: number; message: string } | null = null;
  let line = 0;
  for (let pos = 0; pos <= text.length; ) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(pos, end);
    pos = end + 1;
    line++;
    if ((line & 0x3fff) === 0) ctx.progress(Math.round((pos / text.length) * ctx.bytes.length)); // every 16k lines
    if (raw.trim() === "") continue;
    try {
      records.push({ line, value: JSON.parse(raw) });
    } catch (error) {
      const message = (error as Error).message;
      broken++;
      firstBroken ??= { line, message };
      sink.problem(line, "parse_error", `not valid JSON: ${message}`);
    }
  }
  if (records.length + broken === 0) {
    throw new IngestError("empty_file", `${file} has no JSON lines.`, 422, { file });
  }
  if (firstBroken && broken * 2 > records.length + broken) {
    throw new IngestError(
      "parse_error",
      `${file}: ${broken} of ${records.length + broken} lines are not valid JSON (first at line ${firstBroken.line}: ${firstBroken.message}). JSON Lines needs one complete JSON object per line.`,
      422,
      { file, line: firstBroken.line, broken, lines: records.length + broken },
    );
  }
  ctx.progress(ctx.bytes.length);
  return emitRecords(ctx, records, sink);
}

/** .json: an array of objects, or {"rows": [...]}. A file that is really JSON Lines is parsed as such. */
export function parseJson(ctx: TextContext): TabularResult & { format: "json" | "jsonl" } {
  const { file, sink } = ctx;
  const text = decodeAll(file, ctx.bytes, ctx.encoding, ctx.bomBytes);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    if (looksLikeJsonl(text)) return { ...parseJsonl(ctx, text), format: "jsonl" };
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : null;
    throw new IngestError(
      "parse_error",
      `${file} is not valid JSON${where ? ` at line ${where.line}, column ${where.column}` : ""}: ${message}. Fix the syntax, or use .jsonl for one object per line.`,
      422,
      { file, line: where?.line, column: where?.column },
    );
  }
  let items: unknown[];
  let underKey: string | null = null;
  if (Array.isArray(root)) items = root;
  else if (isObject(root) && Array.isArray(root.rows)) {
    items = root.rows;
    underKey = "rows";
  } else {
    const found = isObject(root)
      ? `an object with keys ${Object.keys(root).slice(0, 10).join(", ") || "(none)"}`
      : kindOf(root);
    throw new IngestError(
      "schema",
      `${file} must hold an array of objects, or an object with a "rows" array; it holds ${found}.`,
      422,
      { file },
    );
  }
  if (items.length === 0)
    throw new IngestError("empty_file", `${file} holds an empty array: there are no rows.`, 422, { file });
  const lines = arrayElementLines(text, underKey);
  const records = items.map((value, i) => ({ line: lines[i] ?? 1, value }));
  ctx.progress(ctx.bytes.length);
  return { ...emitRecords(ctx, records, sink), format: "json" };
}

/** Several non-blank lines, the first of which is a whole JSON object on its own. */
function looksLikeJsonl(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  if (lines.length < 2) return false;
  try {
    return isObject(JSON.parse(lines[0] as string));
  } catch {
    return false;
  }
}
