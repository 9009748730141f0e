import type { DatanetKind } from "../kinds";
import { IngestError } from "./errors";
import { sniffMagic } from "./sniff";
import type { IngestFormat, SourceFile } from "./types";

const CODE_EXTENSIONS = [
  "py",
  "pyi",
  "js",
  "mjs",
  "cjs",
  "ts",
  "mts",
  "cts",
  "tsx",
  "jsx",
  "java",
  "kt",
  "kts",
  "scala",
  "groovy",
  "c",
  "h",
  "cpp",
  "cc",
  "cxx",
  "hpp",
  "hh",
  "hxx",
  "m",
  "mm",
  "cs",
  "fs",
  "go",
  "rs",
  "rb",
  "php",
  "pl",
  "pm",
  "swift",
  "dart",
  "lua",
  "r",
  "jl",
  "hs",
  "ex",
  "exs",
  "erl",
  "clj",
  "elm",
  "ml",
  "zig",
  "nim",
  "sol",
  "vy",
  "sh",
  "bash",
  "zsh",
  "fish",
  "ps1",
  "bat",
  "sql",
  "css",
  "scss",
  "sass",
  "less",
  "html",
  "htm",
  "xml",
  "svg",
  "vue",
  "svelte",
  "yaml",
  "yml",
  "toml",
  "ini",
  "cfg",
  "conf",
  "proto",
  "graphql",
  "gql",
  "tf",
  "cmake",
  "mk",
  "gradle",
  "tex",
  "rst",
  "ipynb",
] as const;

const BY_EXTENSION: Record<string, IngestFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  csv: "csv",
  tsv: "tsv",
  tab: "tsv",
  jsonl: "jsonl",
  ndjson: "jsonl",
  json: "json",
  pdf: "pdf",
  docx: "docx",
  ...Object.fromEntries(CODE_EXTENSIONS.map((ext) => [ext, "code" as const])),
};

/** Formats whose rows carry only text: they fit a "text" Datanet and nothing else. */
export const TEXT_ONLY_FORMATS: ReadonlySet<IngestFormat> = new Set(["text", "markdown", "code", "pdf", "docx"]);

export const FORMAT_LABELS: Record<IngestFormat, string> = {
  text: "plain text",
  markdown: "Markdown text",
  csv: "CSV text",
  tsv: "TSV text",
  jsonl: "JSON Lines text",
  json: "JSON text",
  code: "source code text",
  pdf: "a PDF document",
  docx: "a Word .docx document",
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * Format from the extension, checked against the content: PDF and DOCX must carry their signatures, and a
 * renamed PDF/DOCX without a known extension is recognised. Text formats are vetted for binary content later.
 */
export function detectFormat(file: SourceFile): IngestFormat {
  const ext = extensionOf(file.name);
  const magic = sniffMagic(file.bytes);
  const format = BY_EXTENSION[ext];
  if (format === "pdf" && magic?.magic !== "pdf") {
    throw new IngestError(
      "unsupported_format",
      `${file.name} is named .pdf but is ${magic ? magic.label : "not a PDF document"} (no %PDF- header). Upload the real PDF.`,
      415,
      { file: file.name, detected: magic?.magic },
    );
  }
  if (format === "docx" && magic?.magic !== "zip") {
    const hint = magic?.magic === "ole" ? " Old .doc files are not supported: save it as .docx." : "";
    throw new IngestError(
      "unsupported_format",
      `${file.name} is named .docx but is ${magic ? magic.label : "not a ZIP-based Word document"}.${hint || " Save it from Word as .docx."}`,
      415,
      { file: file.name, detected: magic?.magic },
    );
  }
  if (format === "jsonl" && firstNonSpace(file.bytes) === 0x5b) return "json"; // "[": a JSON array named .jsonl
  if (format) return format;
  if (magic?.magic === "pdf") return "pdf";
  if (magic?.magic === "zip") return "docx";
  if (ext === "") return "text"; // README, LICENSE, Makefile…: vetted as text like any .txt
  throw new IngestError(
    "unsupported_format",
    `${file.name}: .${ext} files are not supported. Upload one of: ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(" ")}.`,
    415,
    { file: file.name, extension: ext },
  );
}

/** Plain text, code, PDF and DOCX give text only: other kinds need columns. */
export function checkKindFits(file: string, format: IngestFormat, kind: DatanetKind): void {
  if (!TEXT_ONLY_FORMATS.has(format) || kind === "text") return;
  const needs = kind === "instruction" ? "prompt and completion" : "text and label";
  throw new IngestError(
    "kind_mismatch",
    `${file} is ${FORMAT_LABELS[format]}, which fits a "text" Datanet only; this Datanet holds ${kind} rows (${needs}). Upload CSV, TSV, JSON or JSONL with ${needs} columns.`,
    422,
    { file, format, kind, fits: ["text"] },
  );
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i];
}
