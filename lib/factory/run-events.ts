import type pg from "pg";
import type { Db } from "@/lib/db/client";

export type RunEventLevel = "info" | "warn" | "error";

/** One line of a run's log. */
export interface RunEvent {
  id: string;
  at: Date;
  level: RunEventLevel;
  message: string;
}

/** Appends a line to a run's log (on any node-postgres connection or pool, inside its transaction if any). */
export async function logRunEvent(
  sql: Pick<pg.Pool | pg.PoolClient, "query">,
  runId: string,
  level: RunEventLevel,
  message: string,
): Promise<void> {
  await sql.query("INSERT INTO training_run_events (run_id, level, message) VALUES ($1, $2, $3)", [
    runId,
    level,
    message.slice(0, 2_000),
  ]);
}

/** A run's log, oldest first: the last `limit` lines, or only those after `afterId` (for polling). */
export async function runEvents(
  db: Db,
  runId: string,
  options: { afterId?: string; limit?: number } = {},
): Promise<RunEvent[]> {
  const rows = await db.trainingRunEvent.findMany({
    where: { runId, ...(options.afterId ? { id: { gt: BigInt(options.afterId) } } : {}) },
    orderBy: { id: "desc" },
    take: options.limit ?? 200,
  });
  return rows
    .reverse()
    .map((row) => ({ id: row.id.toString(), at: row.at, level: row.level as RunEventLevel, message: row.message }));
}
