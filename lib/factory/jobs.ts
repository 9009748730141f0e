import type pg from "pg";
import type PgBoss from "pg-boss";
import { JobName } from "@/lib/jobs/names";
import type { TrainPayload } from "@/lib/jobs/payloads";

/*
 * The contract with the trainer worker (next slice). A `train` job's payload is only `{ runId }`; the run's
 * row holds the rest. The worker:
 * - claims the run with `UPDATE training_runs SET status = 'running', started_at = … WHERE id = $1 AND status =
 *   'queued'` (or already 'running' for a retried job of a killed worker): 0 rows means cancelled meanwhile,
 *   so it completes the job without training (cancel locks the row FOR UPDATE, so the two never cross);
 * - trains from `config` (a RunConfig), resuming from checkpoint_step/checkpoint_path when set;
 * - writes step, epoch, loss, val_loss, tokens_per_second, eta_seconds on the run and one training_metrics row
 *   per reported step (unique per run and step: upsert) at most once a second; may correct total_steps;
 * - stops when cancel_requested turns true: keeps the last checkpoint, sets status 'cancelled';
 * - ends with status 'succeeded' or 'failed' (with a readable `error`) and finished_at; sets `backend`.
 */

/** What lib/factory needs of the queue: sending and cancelling, either of which may join a transaction. */
export type TrainQueue = Pick<PgBoss, "send" | "cancel">;

/**
 * Options of every training job. A worker killed mid-run leaves its job active until it expires; pg-boss then
 * retries it (up to retryLimit), and the new attempt resumes from the run's last checkpoint. The worker slice
 * may shorten the expiry with a heartbeat of its own.
 */
export const TRAIN_JOB_OPTIONS = {
  retryLimit: 3,
  retryDelay: 5,
  expireInSeconds: 6 * 60 * 60,
  retentionDays: 7,
} as const satisfies PgBoss.SendOptions;

/** pg-boss's database seam over one node-postgres client: its statements run in that client's transaction. */
export function clientExecutor(client: pg.PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

/** Sends the training job of a run inside `client`'s transaction; throws when the queue refuses it. */
export async function sendTrainJob(
  queue: TrainQueue,
  client: pg.PoolClient,
  runId: string,
  jobId: string,
): Promise<string> {
  const payload: TrainPayload = { runId };
  const id = await queue.send(JobName.train, payload, { ...TRAIN_JOB_OPTIONS, id: jobId, db: clientExecutor(client) });
  if (!id) {
    throw new Error(`The queue refused the training job of run ${runId} (is the "${JobName.train}" queue created?)`);
  }
  return id;
}

/** Runs `work` in a transaction on one client of `pool`: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
