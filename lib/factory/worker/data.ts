import type { Db } from "@/lib/db/client";
import { epochOrder } from "@/lib/ml/train/example-source";
import type { RunConfig } from "../config";
import type { RunRows } from "./protocol";

/** A problem with the run's data: deterministic, so the run fails instead of retrying. */
export class RunDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunDataError";
  }
}

const text = (value: unknown): string => (typeof value === "string" ? value : value == null ? "" : String(value));

/** Every row of the run's Datanet versions (in the config's order, each in leaf order), as stored fields. */
export async function loadRunFields(db: Db, runId: string): Promise<Record<string, unknown>[]> {
  const rows = await db.$queryRaw<{ fields: Record<string, unknown> }[]>`
    SELECT r.fields
      FROM training_run_versions trv
      JOIN version_rows vr ON vr.version_id = trv.version_id
      JOIN datanet_rows r ON r.id = vr.row_id
     WHERE trv.run_id = ${runId}
     ORDER BY trv.position, vr.leaf_index`;
  return rows.map((row) => row.fields);
}

/**
 * The rows of a run for its task, split into training and validation: a shuffle seeded by the run's seed
 * holds out floor(rows × validationSplit) rows (as totalStepsFor counts them), the rest trains.
 */
export function splitRunRows(config: RunConfig, fields: readonly Record<string, unknown>[]): RunRows {
  if (fields.length === 0) throw new RunDataError("The run's Datanet versions hold no rows.");
  const order = epochOrder(fields.length, config.method.seed, 0);
  const held = Math.min(fields.length - 1, Math.floor(fields.length * config.data.validationSplit));
  const validationIndexes = new Set(order.slice(0, held));
  const split = <T>(items: T[]) => ({
    train: items.filter((_, index) => !validationIndexes.has(index)),
    validation: items.filter((_, index) => validationIndexes.has(index)),
  });
  switch (config.data.task) {
    case "causal_lm": {
      // Instruction rows read as plain text too (prompt, then completion).
      const texts = fields.map((row) =>
        "text" in row ? text(row.text) : [text(row.prompt), text(row.completion)].filter(Boolean).join("\n"),
      );
      return { task: "causal_lm", ...split(texts) };
    }
    case "instruction": {
      const pairs = fields.map((row) => ({ prompt: text(row.prompt), completion: text(row.completion) }));
      if (pairs.some((pair) => pair.completion === "")) {
        throw new RunDataError("Instruction tuning needs rows with a prompt and a completion; some rows have none.");
      }
      return { task: "instruction", ...split(pairs) };
    }
    case "classification": {
      const labels = [...new Set(fields.map((row) => text(row.label)))].sort();
      if (labels.length < 2) {
        throw new RunDataError(
          `Classification needs at least two labels; the rows have ${labels.length === 0 ? "none" : `only "${labels[0]}"`}.`,
        );
      }
      const index = new Map(labels.map((label, i) => [label, i]));
      const examples = fields.map((row) => ({ text: text(row.text), label: index.get(text(row.label)) as number }));
      return { task: "classification", labels, ...split(examples) };
    }
  }
}
