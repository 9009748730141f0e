/**
 * Column mapping: which of a Datanet row's fields feed which part of a training example. A Datanet's kind fixes
 * its fields (text {text}, instruction {prompt, completion}, labelled {text, label}); a run's task reads roles
 * (causal LM: text; instruction: prompt and completion; classification: text and label). Each kind has a default
 * mapping for each task it can feed; a run may name its own, which then applies to every version it trains on.
 * Pure: the worker, the validation, the estimate and the wizard's preview all build examples from here.
 */
import { z } from "zod";
import type { TrainingTask } from "./config";

export type DatanetKind = "text" | "instruction" | "labelled";

/** Every field a Datanet row can have, in display order. */
export const ROW_FIELDS = ["prompt", "completion", "text", "label"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** The fields of each kind's rows, in the order they read. */
export const FIELDS_OF_KIND: Record<DatanetKind, readonly RowField[]> = {
  text: ["text"],
  instruction: ["prompt", "completion"],
  labelled: ["text", "label"],
};

/** The roles a task reads: "text" takes one or more fields (joined by a newline), the others one field each. */
export const ROLES_OF_TASK = {
  causal_lm: ["text"],
  instruction: ["prompt", "completion"],
  classification: ["text", "label"],
} as const satisfies Record<TrainingTask, readonly ("text" | "prompt" | "completion" | "label")[]>;
export type ColumnRole = "text" | "prompt" | "completion" | "label";

/** A mapping as a config holds it: roles of the run's task → row fields. */
export interface ColumnMapping {
  text?: RowField[];
  prompt?: RowField;
  completion?: RowField;
  label?: RowField;
}

/** Most labels a classification run takes (the head has one output per label). */
export const MAX_LABELS = 100;

const field = (role: string) =>
  z.enum(ROW_FIELDS, { error: `the ${role} column must be one of ${ROW_FIELDS.join(", ")}` });

/** The config's `data.columns`. */
export const columnMappingSchema = z
  .object({
    text: z
      .array(field("text"))
      .min(1, { error: "choose at least one text column" })
      .max(ROW_FIELDS.length)
      .refine((fields) => new Set(fields).size === fields.length, { error: "a text column is listed twice" })
      .optional(),
    prompt: field("prompt").optional(),
    completion: field("completion").optional(),
    label: field("label").optional(),
  })
  .strict();

/**
 * The mapping a kind gets for a task when the run names none, or null when its rows cannot feed that task (a
 * text Datanet has one field: nothing to answer or to label with).
 */
export function defaultColumns(task: TrainingTask, kind: DatanetKind): ColumnMapping | null {
  switch (task) {
    case "causal_lm":
      return { text: kind === "labelled" ? ["text"] : [...FIELDS_OF_KIND[kind]] };
    case "instruction":
      if (kind === "instruction") return { prompt: "prompt", completion: "completion" };
      return kind === "labelled" ? { prompt: "text", completion: "label" } : null;
    case "classification":
      if (kind === "labelled") return { text: ["text"], label: "label" };
      return kind === "instruction" ? { text: ["prompt"], label: "completion" } : null;
  }
}

/** The mapping a version of `kind` trains with: the run's own, else the kind's default for the task. */
export function columnsFor(task: TrainingTask, kind: DatanetKind, given?: ColumnMapping): ColumnMapping | null {
  return given ?? defaultColumns(task, kind);
}

/** A run of each task, in words. */
const A_RUN_OF: Record<TrainingTask, string> = {
  causal_lm: "a causal LM run",
  instruction: "an instruction run",
  classification: "a classification run",
};

/** A problem with a mapping, by the field path the API names it with. */
export interface ColumnIssue {
  path: string;
  message: string;
}

/** Checks a run's own mapping against its task: every role the task reads is mapped, and nothing else. */
export function checkColumnsForTask(task: TrainingTask, columns: ColumnMapping): ColumnIssue[] {
  const roles: readonly ColumnRole[] = ROLES_OF_TASK[task];
  const issues: ColumnIssue[] = [];
  for (const role of roles) {
    if (columns[role] === undefined) {
      issues.push({ path: `data.columns.${role}`, message: `${A_RUN_OF[task]} needs a ${role} column` });
    }
  }
  for (const role of Object.keys(columns) as ColumnRole[]) {
    if (!roles.includes(role)) {
      issues.push({
        path: `data.columns.${role}`,
        message: `${A_RUN_OF[task]} reads only ${roles.join(" and ")} columns, not ${role}`,
      });
    }
  }
  if (task === "instruction" && columns.prompt !== undefined && columns.prompt === columns.completion) {
    issues.push({
      path: "data.columns.completion",
      message: "the completion must come from another column than the prompt",
    });
  }
  if (task === "classification" && columns.label !== undefined && columns.text?.includes(columns.label)) {
    issues.push({
      path: "data.columns.label",
      message: "the label must come from a column that is not part of the text",
    });
  }
  return issues;
}

/** The mapped fields a kind's rows lack (empty when the mapping fits the kind). */
export function missingFields(kind: DatanetKind, columns: ColumnMapping): RowField[] {
  const mapped = [...(columns.text ?? []), columns.prompt, columns.completion, columns.label].filter(
    (f): f is RowField => f !== undefined,
  );
  return [...new Set(mapped)].filter((f) => !FIELDS_OF_KIND[kind].includes(f));
}

/** Tasks every one of `kinds` can feed with its default mapping (all three before any kind is chosen). */
export function tasksForKinds(kinds: readonly DatanetKind[]): TrainingTask[] {
  return (["causal_lm", "instruction", "classification"] as const).filter((task) =>
    kinds.every((kind) => defaultColumns(task, kind) !== null),
  );
}

/** Fields every one of `kinds` has: what a mapping across them may name. */
export function sharedFields(kinds: readonly DatanetKind[]): RowField[] {
  return ROW_FIELDS.filter((f) => kinds.length > 0 && kinds.every((kind) => FIELDS_OF_KIND[kind].includes(f)));
}

const text = (value: unknown): string => (typeof value === "string" ? value : value == null ? "" : String(value));

/** The text of a row under a "text" mapping: the fields in order, empty ones skipped, joined by a newline. */
export function joinedText(fields: Record<string, unknown>, columns: readonly RowField[]): string {
  return columns
    .map((f) => text(fields[f]))
    .filter(Boolean)
    .join("\n");
}

/** One row as a task reads it. */
export type MappedRow =
  | { task: "causal_lm"; text: string }
  | { task: "instruction"; prompt: string; completion: string }
  | { task: "classification"; text: string; label: string };

/** A row's fields read through a mapping for a task (the mapping must fit; see checkColumnsForTask). */
export function mapRow(task: TrainingTask, columns: ColumnMapping, fields: Record<string, unknown>): MappedRow {
  switch (task) {
    case "causal_lm":
      return { task, text: joinedText(fields, columns.text ?? []) };
    case "instruction":
      return {
        task,
        prompt: text(fields[columns.prompt ?? "prompt"]),
        completion: text(fields[columns.completion ?? "completion"]),
      };
    case "classification":
      return {
        task,
        text: joinedText(fields, columns.text ?? []),
        label: text(fields[columns.label ?? "label"]).trim(),
      };
  }
}

/** A mapping in words, e.g. "prompt ← text, completion ← label". */
export function describeColumns(task: TrainingTask, columns: ColumnMapping): string {
  return ROLES_OF_TASK[task]
    .map((role) => {
      const value = columns[role];
      return `${role} ← ${Array.isArray(value) ? value.join(" + ") : (value ?? "?")}`;
    })
    .join(", ");
}
