import type { TrainingTask } from "@/lib/factory/config";
import { formatInstruction, formatPrompt } from "@/lib/ml/data/template";

/** A training example as the trainer sees it, for the data step's preview. */
export type FormattedExample =
  | { shape: "prompt-completion"; prompt: string; completion: string }
  | { shape: "text-label"; text: string; label: string }
  | { shape: "text"; text: string };

const text = (value: unknown): string => (typeof value === "string" ? value : value == null ? "" : String(value));

/**
 * One exported row (a Datanet version's JSONL: the kind's fields) formatted for `task`: instruction → the templated
 * prompt and its completion; classification → text and label; causal LM → the raw text (an instruction pair is
 * read as its whole templated text).
 */
export function formatExample(task: TrainingTask, fields: Record<string, unknown>): FormattedExample {
  if (task === "instruction") {
    return {
      shape: "prompt-completion",
      prompt: formatPrompt(text(fields.prompt)),
      completion: text(fields.completion),
    };
  }
  if (task === "classification") return { shape: "text-label", text: text(fields.text), label: text(fields.label) };
  if (typeof fields.text === "string") return { shape: "text", text: fields.text };
  return {
    shape: "text",
    text: formatInstruction({ prompt: text(fields.prompt), completion: text(fields.completion) }),
  };
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
