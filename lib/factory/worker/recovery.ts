import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { poolOf } from "@/lib/db/client";
import { JobName } from "@/lib/jobs/names";
import { clientExecutor, inTransaction, sendTrainJob, type TrainQueue } from "../jobs";
import { logRunEvent } from "../run-events";

/** What happened to a run whose worker went silent. */
export interface RecoveredRun {
  runId: string;
  action: "requeued" | "cancelled";
  jobId: string | null;
}

/**
 * Takes back the runs whose worker stopped writing its heartbeat (killed, or its machine gone): each
 * `running` run whose heartbeat is older than `staleSeconds` is queued again with a new job (the old one,
 * still `active` in pg-boss, is cancelled) so any worker resumes it from its last checkpoint; one with a
 * cancel pending is cancelled instead. One transaction with the rows locked (SKIP LOCKED): two workers
 * sweeping at once never both take a run, and the claim (status queued and this job id) lets only the new
 * job train it.
 */
export async function recoverStaleRuns(db: Db, queue: TrainQueue, staleSeconds: number): Promise<RecoveredRun[]> {
  return inTransaction(poolOf(db), async (client) => {
    const { rows } = await client.query<{
      id: string;
      job_id: string | null;
      cancel_requested: boolean;
      checkpoint_step: number | null;
    }>(
      `SELECT id, job_id, cancel_requested, checkpoint_step FROM training_runs
        WHERE status = 'running' AND COALESCE(heartbeat_at, updated_at) < now() - make_interval(secs => $1)
        ORDER BY heartbeat_at NULLS FIRST
        LIMIT 20
        FOR UPDATE SKIP LOCKED`,
      [staleSeconds],
    );
    const recovered: RecoveredRun[] = [];
    for (const run of rows) {
      if (run.job_id) await queue.cancel(JobName.train, run.job_id, { db: clientExecutor(client) });
      if (run.cancel_requested) {
        await client.query(
          `UPDATE training_runs SET status = 'cancelled', cancel_requested = false, eta_seconds = NULL,
                  heartbeat_at = NULL, worker_id = NULL, finished_at = now(), updated_at = now() WHERE id = $1`,
          [run.id],
        );
        await logRunEvent(
          client,
          run.id,
          "warn",
          "Its trainer stopped answering while a cancel was pending: cancelled.",
        );
        recovered.push({ runId: run.id, action: "cancelled", jobId: null });
        continue;
      }
      const jobId = randomUUID();
      await client.query(
        `UPDATE training_runs SET status = 'queued', job_id = $2, heartbeat_at = NULL, worker_id = NULL,
                eta_seconds = NULL, updated_at = now() WHERE id = $1`,
        [run.id, jobId],
      );
      await sendTrainJob(queue, client, run.id, jobId);
      await logRunEvent(
        client,
        run.id,
        "warn",
        `Its trainer stopped answering for ${staleSeconds} s: queued again, ${
          run.checkpoint_step
            ? `to resume from the checkpoint at step ${run.checkpoint_step}.`
            : "to start over (no checkpoint had been saved yet)."
        }`,
      );
      recovered.push({ runId: run.id, action: "requeued", jobId });
    }
    // Queued runs whose job ended without training them (retries used up by crashes before the claim, or a
    // job lost with a database restore): waiting for nothing. Sent again after a minute of that.
    const { rows: orphans } = await client.query<{ id: string }>(
      `SELECT r.id FROM training_runs r
         LEFT JOIN pgboss.job j ON j.name = $1 AND j.id::text = r.job_id
        WHERE r.status = 'queued' AND r.updated_at < now() - interval '60 seconds'
          AND (j.id IS NULL OR j.state IN ('completed', 'failed', 'cancelled'))
        LIMIT 20
        FOR UPDATE OF r SKIP LOCKED`,
      [JobName.train],
    );
    for (const run of orphans) {
      const jobId = randomUUID();
      await client.query("UPDATE training_runs SET job_id = $2, updated_at = now() WHERE id = $1", [run.id, jobId]);
      await sendTrainJob(queue, client, run.id, jobId);
      await logRunEvent(client, run.id, "warn", "Its queued job had ended without training it: sent again.");
      recovered.push({ runId: run.id, action: "requeued", jobId });
    }
    return recovered;
  });
}

/** Queues a run this worker stops training (graceful shutdown) again, with a new job, to resume elsewhere. */
export async function requeueRun(db: Db, queue: TrainQueue, runId: string, ownJobId: string): Promise<boolean> {
  return inTransaction(poolOf(db), async (client) => {
    const { rows } = await client.query<{ cancel_requested: boolean }>(
      "SELECT cancel_requested FROM training_runs WHERE id = $1 AND job_id = $2 AND status = 'running' FOR UPDATE",
      [runId, ownJobId],
    );
    const run = rows[0];
    if (!run) return false;
    if (run.cancel_requested) {
      await client.query(
        `UPDATE training_runs SET status = 'cancelled', cancel_requested = false, eta_seconds = NULL,
                heartbeat_at = NULL, worker_id = NULL, finished_at = now(), updated_at = now() WHERE id = $1`,
        [runId],
      );
      return true;
    }
    const jobId = randomUUID();
    await client.query(
      `UPDATE training_runs SET status = 'queued', job_id = $2, heartbeat_at = NULL, worker_id = NULL,
              eta_seconds = NULL, updated_at = now() WHERE id = $1`,
      [runId, jobId],
    );
    await sendTrainJob(queue, client, runId, jobId);
    return true;
  });
}
