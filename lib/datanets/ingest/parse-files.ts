import type { DatanetKind } from "../kinds";
import type { ParseContext, TabularResult } from "./context";
import { checkText, decodeAll } from "./decode";
import { IngestError } from "./errors";
import { checkKindFits, detectFormat, FORMAT_LABELS } from "./formats";
import { formatBytes, type IngestLimits, resolveLimits } from "./limits";
import { parseDelimited } from "./parse-delimited";
import { parseDocx } from "./parse-docx";
import { parseJson, parseJsonl } from "./parse-json";
import { parsePdf } from "./parse-pdf";
import { parseCode, parsePlainText } from "./parse-plain";
import { type RecordBudget, RowSink } from "./row-sink";
import type { FileParse, IngestFormat, ParseOptions, SourceFile } from "./types";

/**
 * Turns dropped files into typed rows plus the problems found, file by file. Whole-file failures
 * (limits, binary or badly encoded content, unreadable structure) throw an IngestError; row-level issues
 * come back as problems, and every source record ends up either in `rows` or in `problems`.
 */
export async function parseFiles(files: SourceFile[], options: ParseOptions): Promise<FileParse[]> {
  const limits = resolveLimits(options.limits);
  checkUpload(files, limits);
  const budget: RecordBudget = { records: 0 };
  const results: FileParse[] = [];
  for (const file of files) results.push(await parseFile(file, options, limits, budget));
  return results;
}

function checkUpload(files: SourceFile[], limits: IngestLimits): void {
  if (files.length === 0) throw new IngestError("no_files", "No files were uploaded. Drop at least one file.", 400, {});
  if (files.length > limits.maxFiles) {
    throw new IngestError(
      "too_many_files",
      `${files.length} files were uploaded, over the ${limits.maxFiles}-file limit (maxFiles). Upload them in several contributions.`,
      413,
      { limit: "maxFiles", max: limits.maxFiles, actual: files.length },
    );
  }
  const names = new Set<string>();
  let total = 0;
  for (const file of files) {
    if (names.has(file.name)) {
      throw new IngestError(
        "duplicate_file_name",
        `Two files are named ${file.name}; rows are traced back by file name. Rename one.`,
        400,
        { file: file.name },
      );
    }
    names.add(file.name);
    if (file.bytes.length > limits.maxFileBytes) {
      throw new IngestError(
        "file_too_large",
        `${file.name} is ${formatBytes(file.bytes.length)}, over the ${formatBytes(limits.maxFileBytes)} per-file limit (maxFileBytes). Split it into smaller files.`,
        413,
        { file: file.name, limit: "maxFileBytes", max: limits.maxFileBytes, actual: file.bytes.length },
      );
    }
    total += file.bytes.length;
  }
  if (total > limits.maxTotalBytes) {
    throw new IngestError(
      "total_too_large",
      `The files add up to ${formatBytes(total)}, over the ${formatBytes(limits.maxTotalBytes)} limit per contribution (maxTotalBytes). Upload them in several contributions.`,
      413,
      { limit: "maxTotalBytes", max: limits.maxTotalBytes, actual: total },
    );
  }
}

async function parseFile(
  source: SourceFile,
  options: ParseOptions,
  limits: IngestLimits,
  budget: RecordBudget,
): Promise<FileParse> {
  const { name: file, bytes } = source;
  const kind: DatanetKind = options.kind;
  if (bytes.length === 0) {
    throw new IngestError("empty_file", `${file} is empty (0 bytes). Upload a file with data in it.`, 422, { file });
  }
  let format = detectFormat(source);
  checkKindFits(file, format, kind);
  const sink = new RowSink(file, kind, limits, budget, format === "json" || format === "jsonl");
  const report = (bytesDone: number) =>
    options.onProgress?.({ file, bytesDone, bytesTotal: bytes.length, rows: sink.rows.length });
  const ctx: ParseContext = {
    file,
    bytes,
    kind,
    limits,
    sink,
    mapping: options.mappings?.[file] ?? options.mapping,
    progress: report,
  };
  report(0);
  let tabular: TabularResult | undefined;
  if (format === "pdf") await parsePdf(ctx);
  else if (format === "docx") await parseDocx(ctx);
  else {
    const text = { ...ctx, ...checkText(file, bytes, FORMAT_LABELS[format]) };
    if (format === "csv" || format === "tsv") tabular = parseDelimited(text, format === "tsv");
    else if (format === "jsonl") tabular = parseJsonl(text);
    else if (format === "json") {
      const parsed = parseJson(text);
      format = parsed.format;
      tabular = { columns: parsed.columns, mapping: parsed.mapping };
    } else {
      const decoded = decodeAll(file, bytes, text.encoding, text.bomBytes);
      if (format === "code") parseCode(decoded, sink, limits);
      else parsePlainText(decoded, sink, limits, format === "markdown");
      report(bytes.length);
    }
  }
  if (sink.rows.length === 0 && sink.problems.length === 0) {
    throw new IngestError(
      "empty_file",
      `${file} has no rows: it holds only whitespace. Upload a file with data in it.`,
      422,
      {
        file,
      },
    );
  }
  sink.problems.sort((a, b) => a.line - b.line);
  return finish(file, format, sink, bytes.length, tabular);
}

function finish(file: string, format: IngestFormat, sink: RowSink, bytes: number, tabular?: TabularResult): FileParse {
  const parse: FileParse = { file, format, rows: sink.rows, problems: sink.problems, bytes };
  if (tabular) {
    parse.columns = tabular.columns;
    parse.mapping = tabular.mapping;
  }
  return parse;
}
