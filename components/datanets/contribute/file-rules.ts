import { extensionOf, SUPPORTED_EXTENSIONS } from "@/lib/datanets/ingest/formats";
import { DEFAULT_LIMITS } from "@/lib/datanets/ingest/limits";
import type { DatanetKind } from "@/lib/datanets/kinds";

/** Extensions whose rows carry columns (CSV, TSV, JSON, JSONL): the only ones instruction and labelled Datanets take. */
export const TABULAR_EXTENSIONS = ["csv", "tsv", "tab", "jsonl", "ndjson", "json"] as const;
const tabular = new Set<string>(TABULAR_EXTENSIONS);
const supported = new Set(SUPPORTED_EXTENSIONS);

/** The extensions a Datanet of this kind accepts, for the file picker and the drop zone's hint. */
export function acceptedExtensions(kind: DatanetKind): string[] {
  return kind === "text" ? SUPPORTED_EXTENSIONS : [...TABULAR_EXTENSIONS];
}

/** "64 MB", "1.5 MB", "812 KB", "93 B" (binary units, as the limits are set). */
export function formatSize(bytes: number): string {
  const trim = (value: number) => (value >= 10 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, ""));
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  return `${trim(bytes / (1024 * 1024 * 1024))} GB`;
}

/**
 * Why this file cannot be added to the list, or null when it can. Checks what the server would refuse
 * anyway (size, extension, kind, emptiness) so nothing is uploaded for a certain 4xx; the limit is named.
 */
export function fileProblem(file: File, kind: DatanetKind): string | null {
  const ext = extensionOf(file.name);
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > DEFAULT_LIMITS.maxFileBytes) {
    return `${file.name} is ${formatSize(file.size)}; the limit is ${formatSize(DEFAULT_LIMITS.maxFileBytes)} per file.`;
  }
  if (ext !== "" && !supported.has(ext)) {
    return `${file.name}: .${ext} files are not supported. Use one of the types listed.`;
  }
  if (kind !== "text" && !tabular.has(ext)) {
    const needs = kind === "instruction" ? "prompt and completion" : "text and label";
    return `${file.name} holds text only; this Datanet's rows need ${needs} columns: use CSV, TSV, JSON or JSONL.`;
  }
  return null;
}

export interface MergeResult<T> {
  files: T[];
  rejected: string[];
}

/**
 * Adds dropped files to the list: a file with the name of one already listed replaces it (the server wants
 * unique names); the file-count and total-size limits are kept, naming the limit for each file left out.
 */
export function mergeFiles<T extends { file: File }>(
  current: readonly T[],
  dropped: readonly T[],
  kind: DatanetKind,
): MergeResult<T> {
  const files = [...current];
  const rejected: string[] = [];
  for (const item of dropped) {
    const problem = fileProblem(item.file, kind);
    if (problem) {
      rejected.push(problem);
      continue;
    }
    const same = files.findIndex((f) => f.file.name === item.file.name);
    const others = same >= 0 ? files.filter((_, i) => i !== same) : files;
    if (others.length >= DEFAULT_LIMITS.maxFiles) {
      rejected.push(
        `${item.file.name} was not added: at most ${DEFAULT_LIMITS.maxFiles} files go in one contribution.`,
      );
      continue;
    }
    const total = others.reduce((sum, f) => sum + f.file.size, 0) + item.file.size;
    if (total > DEFAULT_LIMITS.maxTotalBytes) {
      rejected.push(
        `${item.file.name} was not added: the files would total ${formatSize(total)}; the limit is ${formatSize(DEFAULT_LIMITS.maxTotalBytes)} per contribution.`,
      );
      continue;
    }
    if (same >= 0) files[same] = item;
    else files.push(item);
  }
  return { files, rejected };
}
