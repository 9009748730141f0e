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

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * What happens to an example longer than the context, in words, for byte-level models (a token per byte), as the
 * trainer does it: an instruction pair loses the start of its prompt (the answer keeps at least half the room), a
 * classified text is cut after `contextLength` tokens, and language-model text is split across windows. Null when
 * it fits.
 */
export function lengthNote(example: FormattedExample, contextLength: number): string | null {
  const fmt = (n: number) => n.toLocaleString("en");
  if (example.shape === "prompt-completion") {
    const total = bytes(example.prompt) + bytes(example.completion) + 1;
    if (total <= contextLength + 1) return null;
    return `${fmt(total)} tokens, over the context length of ${fmt(contextLength)}: the prompt loses its start so that the completion keeps at least half the room.`;
  }
  const size = bytes(example.text);
  if (size <= contextLength) return null;
  return example.shape === "text-label"
    ? `${fmt(size)} tokens: the classifier reads the first ${fmt(contextLength)} (the context length).`
    : `${fmt(size)} tokens: packed with the other rows into windows of ${fmt(contextLength)}, so it spans several.`;
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
