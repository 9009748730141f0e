import type { Db } from "@/lib/db/client";
import { epochOrder } from "@/lib/ml/train/example-source";
import { type ColumnMapping, columnsFor, type DatanetKind, type MappedRow, mapRow } from "../columns";
import type { RunConfig, TrainingTask } from "../config";
import type { RunRows } from "./protocol";

/** A problem with the run's data: deterministic, so the run fails instead of retrying. */
export class RunDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunDataError";
  }
}

/** A stored row with the kind of the Datanet it belongs to (which fixes its fields). */
export interface RunRow {
  kind: DatanetKind;
  fields: Record<string, unknown>;
}

/** Every row of the run's Datanet versions (in the config's order, each in leaf order), with its Datanet's kind. */
export async function loadRunFields(db: Db, runId: string): Promise<RunRow[]> {
  return db.$queryRaw<RunRow[]>`
    SELECT d.kind::text AS kind, r.fields
      FROM training_run_versions trv
      JOIN datanet_versions dv ON dv.id = trv.version_id
      JOIN datanets d ON d.id = dv.datanet_id
      JOIN version_rows vr ON vr.version_id = trv.version_id
      JOIN datanet_rows r ON r.id = vr.row_id
     WHERE trv.run_id = ${runId}
     ORDER BY trv.position, vr.leaf_index`;
}

/** Each row read through its mapping (the run's own columns, else its kind's default for the task). */
function mapRows<T extends TrainingTask>(
  task: T,
  columns: ColumnMapping | undefined,
  rows: readonly RunRow[],
): Extract<MappedRow, { task: T }>[] {
  return rows.map((row) => {
    const mapping = columnsFor(task, row.kind, columns);
    if (!mapping) throw new RunDataError(`A ${task} run cannot train on ${row.kind} rows.`);
    return mapRow(task, mapping, row.fields) as Extract<MappedRow, { task: T }>;
  });
}

/**
 * The rows of a run for its task, split into training and validation: a shuffle seeded by the run's seed
 * holds out floor(rows × validationSplit) rows (as totalStepsFor counts them), the rest trains.
 */
export function splitRunRows(config: RunConfig, rows: readonly RunRow[]): RunRows {
  if (rows.length === 0) throw new RunDataError("The run's Datanet versions hold no rows.");
  const order = epochOrder(rows.length, config.method.seed, 0);
  const held = Math.min(rows.length - 1, Math.floor(rows.length * config.data.validationSplit));
  const validationIndexes = new Set(order.slice(0, held));
  const split = <T>(items: T[]) => ({
    train: items.filter((_, index) => !validationIndexes.has(index)),
    validation: items.filter((_, index) => validationIndexes.has(index)),
  });
  const { columns } = config.data;
  switch (config.data.task) {
    case "causal_lm":
      return { task: "causal_lm", ...split(mapRows("causal_lm", columns, rows).map((row) => row.text)) };
    case "instruction": {
      const pairs = mapRows("instruction", columns, rows).map(({ prompt, completion }) => ({ prompt, completion }));
      if (pairs.some((pair) => pair.completion === "")) {
        throw new RunDataError("Instruction tuning needs rows with a prompt and a completion; some rows have none.");
      }
      return { task: "instruction", ...split(pairs) };
    }
    case "classification": {
      const texts = mapRows("classification", columns, rows);
      const labels = [...new Set(texts.map((row) => row.label))].sort();
      if (labels.length < 2) {
        throw new RunDataError(
          `Classification needs at least two labels; the rows have ${labels.length === 0 ? "none" : `only "${labels[0]}"`}.`,
        );
      }
      const index = new Map(labels.map((label, i) => [label, i]));
      const examples = texts.map((row) => ({ text: row.text, label: index.get(row.label) as number }));
      return { task: "classification", labels, ...split(examples) };
    }
  }
}
