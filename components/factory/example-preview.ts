import { type ColumnMapping, mapRow } from "@/lib/factory/columns";
import type { TrainingTask } from "@/lib/factory/config";
import { formatPrompt } from "@/lib/ml/data/template";

/** A training example as the trainer sees it, for the data step's preview. */
export type FormattedExample =
  | { shape: "prompt-completion"; prompt: string; completion: string }
  | { shape: "text-label"; text: string; label: string }
  | { shape: "text"; text: string };

/**
 * One exported row (a Datanet version's JSONL: the kind's fields) formatted as the trainer reads it for `task`
 * through `columns` (the same mapRow the worker uses): instruction → the templated prompt and its completion;
 * classification → text and label; causal LM → the text it packs.
 */
export function formatExample(
  task: TrainingTask,
  columns: ColumnMapping,
  fields: Record<string, unknown>,
): FormattedExample {
  const row = mapRow(task, columns, fields);
  switch (row.task) {
    case "instruction":
      return { shape: "prompt-completion", prompt: formatPrompt(row.prompt), completion: row.completion };
    case "classification":
      return { shape: "text-label", text: row.text, label: row.label };
    case "causal_lm":
      return { shape: "text", text: row.text };
  }
}

/** The first `count` objects of JSONL text (lines that are not JSON objects are skipped; a cut last line too). */
export function firstJsonLines(chunk: string, count: number): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const line of chunk.split("\n")) {
    if (rows.length >= count) break;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === "object" && !Array.isArray(value)) rows.push(value as Record<string, unknown>);
    } catch {
      // An empty line, or the last one cut mid-way.
    }
  }
  return rows;
}
