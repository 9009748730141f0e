import path from "node:path";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { poolOf } from "@/lib/db/client";
import type { RunConfig } from "../config";
import type { TrainQueue } from "../jobs";
import { logRunEvent, type RunEventLevel } from "../run-events";
import { loadRunFields, RunDataError, splitRunRows } from "./data";
import type { MainMessage, ThreadMessage } from "./protocol";
import { requeueRun } from "./recovery";
import { startTrainThread, type TrainThread } from "./thread";

/** What one training job needs from its worker. */
export interface RunJobDeps {
  db: Db;
  queue: TrainQueue;
  workerId: string;
  /** The app's data folder: runs/<runId>/checkpoint.safetensors and the adapter's PEFT folder runs/<runId>/adapter/ go under it. */
  dataDir: string;
  staleSeconds: number;
  logger: Logger;
  /** Progress and heartbeat writes (default 1000 ms: at most one a second). */
  progressIntervalMs?: number;
}

/** A job being trained: stop() ends it at the next step (checkpointed) and queues the run again. */
export interface ActiveRun {
  runId: string;
  stop(reason: MainMessage["reason"]): void;
  done: Promise<RunJobOutcome>;
}

export type RunJobOutcome =
  | "skipped"
  | "succeeded"
  | "cancelled"
  | "failed"
  | "requeued"
  /** Another worker took the run over (this one was presumed dead): nothing more is written. */
  | "lost";

/** Where a run's files live. */
export function runFiles(dataDir: string, runId: string) {
  const folder = path.resolve(dataDir, "runs", runId);
  return {
    folder,
    checkpoint: path.join(folder, "checkpoint.safetensors"),
    adapter: path.join(folder, "adapter"),
  };
}

interface ClaimedRun {
  config: RunConfig;
  checkpoint_path: string | null;
  cancel_requested: boolean;
}

/**
 * Claims a run for its job: only while queued with this job id, or running under this job id with a stale
 * heartbeat (pg-boss retried the job of a killed worker). Null when the run was cancelled, taken over or
 * finished meanwhile: the job then completes without training.
 */
async function claimRun(deps: RunJobDeps, runId: string, jobId: string): Promise<ClaimedRun | null> {
  const { rows } = await poolOf(deps.db).query<ClaimedRun>(
    `UPDATE training_runs
        SET status = 'running', started_at = COALESCE(started_at, now()), heartbeat_at = now(), worker_id = $3,
            error = NULL, finished_at = NULL, updated_at = now()
      WHERE id = $1 AND job_id = $2
        AND (status = 'queued'
             OR (status = 'running' AND COALESCE(heartbeat_at, updated_at) < now() - make_interval(secs => $4)))
      RETURNING config, checkpoint_path, cancel_requested`,
    [runId, jobId, deps.workerId, deps.staleSeconds],
  );
  return rows[0] ?? null;
}

/** A readable error for the run page: the message only, one paragraph, bounded. */
export function readableError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n    at ")[0] ?? message).trim().slice(0, 2_000) || "Training failed.";
}

/**
 * Trains one `train` job's run on a worker thread (see lib/factory/jobs.ts for the contract). Resolves with
 * how it ended; throws only for transient failures (database unreachable while starting), which pg-boss
 * retries; a failure of the training itself (bad data, a model error) fails the run and completes the job.
 */
export function startRunJob(deps: RunJobDeps, runId: string, jobId: string): ActiveRun {
  let thread: TrainThread | undefined;
  let stopReason: MainMessage["reason"] | undefined;
  const stop = (reason: MainMessage["reason"]) => {
    stopReason ??= reason;
    thread?.abort(reason);
  };
  const done = trainRun(deps, runId, jobId, {
    setThread: (t) => {
      thread = t;
      if (stopReason) t.abort(stopReason);
    },
    stopReason: () => stopReason,
    stop,
  });
  return { runId, stop, done };
}

interface Control {
  setThread(thread: TrainThread): void;
  stopReason(): MainMessage["reason"] | undefined;
  stop(reason: MainMessage["reason"]): void;
}

async function trainRun(deps: RunJobDeps, runId: string, jobId: string, control: Control): Promise<RunJobOutcome> {
  const { logger } = deps;
  const pool = poolOf(deps.db);
  const claimed = await claimRun(deps, runId, jobId);
  if (!claimed) {
    logger.info({ runId, jobId }, "train job skipped: the run is not waiting for this job");
    return "skipped";
  }
  const owned = "id = $1 AND job_id = $2 AND status = 'running'";
  const finish = async (sql: string, values: unknown[]) => {
    await pool.query(`UPDATE training_runs SET ${sql}, heartbeat_at = NULL, updated_at = now() WHERE ${owned}`, [
      runId,
      jobId,
      ...values,
    ]);
  };
  const log = (level: RunEventLevel, message: string) =>
    logRunEvent(pool, runId, level, message).catch((error: unknown) =>
      logger.warn({ err: error, runId }, "run log write failed"),
    );
  if (claimed.cancel_requested) {
    await finish("status = 'cancelled', cancel_requested = false, eta_seconds = NULL, finished_at = now()", []);
    await log("info", "Cancelled before training started.");
    return "cancelled";
  }
  await log("info", `Taken by trainer ${deps.workerId}.`);
  const files = runFiles(deps.dataDir, runId);
  let rows: ReturnType<typeof splitRunRows>;
  try {
    rows = splitRunRows(claimed.config, await loadRunFields(deps.db, runId));
  } catch (error) {
    if (error instanceof RunDataError) {
      await finish("status = 'failed', error = $3, eta_seconds = NULL, finished_at = now()", [error.message]);
      await log("error", `Failed: ${error.message}`);
      return "failed";
    }
    // Transient (the database): give the run back to this job's retry.
    await pool
      .query(`UPDATE training_runs SET status = 'queued', heartbeat_at = NULL, updated_at = now() WHERE ${owned}`, [
        runId,
        jobId,
      ])
      .catch(() => {});
    throw error;
  }

  // Progress kept in memory between writes (at most one write a second).
  let latest: Extract<ThreadMessage, { type: "step" }> | undefined;
  let latestWritten = 0;
  const points = new Map<number, { epoch: number; loss: number; valLoss: number | null; tokensPerSecond: number }>();
  let tokensPerSecond: number | null = null;
  let sessionStart: { step: number; elapsedMs: number } | undefined;
  let etaSeconds: number | null = null;
  let totalSteps: number | null = null;
  let lastValLoss: number | null = null;
  let lost = false;
  let writes = Promise.resolve();
  const serial = (work: () => Promise<void>) => {
    writes = writes.then(work).catch((error: unknown) => logger.warn({ err: error, runId }, "progress write failed"));
    return writes;
  };

  const flush = () =>
    serial(async () => {
      if (lost) return;
      const step = latest && latest.step !== latestWritten ? latest : undefined;
      const pending = [...points.entries()];
      points.clear();
      if (step) {
        latestWritten = step.step;
        if (!pending.some(([s]) => s === step.step)) {
          pending.push([
            step.step,
            { epoch: step.epoch, loss: step.loss, valLoss: null, tokensPerSecond: step.tokensPerSecond },
          ]);
        }
      }
      const { rows: updated } = await pool.query<{ cancel_requested: boolean }>(
        `UPDATE training_runs
            SET step = GREATEST(step, COALESCE($3, step)), epoch = GREATEST(epoch, COALESCE($4, epoch)),
                loss = COALESCE($5, loss), val_loss = COALESCE($6, val_loss),
                tokens_per_second = COALESCE($7, tokens_per_second), eta_seconds = COALESCE($8, eta_seconds),
                total_steps = COALESCE($9, total_steps), heartbeat_at = now(), updated_at = now()
          WHERE ${owned}
          RETURNING cancel_requested`,
        [
          runId,
          jobId,
          step?.step ?? null,
          step?.epoch ?? null,
          step?.loss ?? null,
          lastValLoss,
          tokensPerSecond,
          etaSeconds,
          totalSteps,
        ],
      );
      if (updated.length === 0) {
        // Taken over by another worker (this one looked dead) or finished by someone else: stop quietly.
        lost = true;
        control.stop("lost");
        return;
      }
      for (const [s, point] of pending) {
        await pool.query(
          `INSERT INTO training_metrics (run_id, step, epoch, loss, val_loss, tokens_per_second)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (run_id, step) DO UPDATE SET epoch = EXCLUDED.epoch, loss = EXCLUDED.loss,
             val_loss = COALESCE(EXCLUDED.val_loss, training_metrics.val_loss),
             tokens_per_second = EXCLUDED.tokens_per_second, created_at = now()`,
          [runId, s, point.epoch, point.loss, point.valLoss, point.tokensPerSecond],
        );
      }
      if (updated[0]?.cancel_requested) control.stop("cancel");
    });

  let result: Extract<ThreadMessage, { type: "done" | "error" }> | undefined;
  const onMessage = (message: ThreadMessage) => {
    switch (message.type) {
      case "ready":
        totalSteps = message.totalSteps;
        void serial(async () => {
          await pool.query(`UPDATE training_runs SET backend = $3, total_steps = $4 WHERE ${owned}`, [
            runId,
            jobId,
            message.backend,
            message.totalSteps,
          ]);
        });
        logger.info(
          { runId, backend: message.backend, totalSteps: message.totalSteps, resumedFrom: message.resumedFrom },
          "training started",
        );
        void serial(() =>
          log(
            "info",
            `Training on ${message.backend}: ${message.totalSteps} steps over ${message.trainExamples} examples${
              message.resumedFrom !== null
                ? `, resumed from the checkpoint at step ${message.resumedFrom}.`
                : claimed.checkpoint_path
                  ? `, from the start: its checkpoint (${claimed.checkpoint_path}) is not on this machine.`
                  : "."
            }`,
          ),
        );
        break;
      case "step": {
        latest = message;
        sessionStart ??= { step: message.step - 1, elapsedMs: 0 };
        tokensPerSecond =
          tokensPerSecond === null ? message.tokensPerSecond : 0.7 * tokensPerSecond + 0.3 * message.tokensPerSecond;
        const msPerStep = (message.elapsedMs - sessionStart.elapsedMs) / Math.max(1, message.step - sessionStart.step);
        etaSeconds = Math.max(0, Math.round(((message.totalSteps - message.step) * msPerStep) / 1000));
        break;
      }
      case "eval": {
        lastValLoss = message.valLoss;
        void serial(() =>
          log(
            "info",
            `Step ${message.step}: validation loss ${message.valLoss.toFixed(4)}${
              message.accuracy === undefined ? "" : `, accuracy ${(message.accuracy * 100).toFixed(1)} %`
            }.`,
          ),
        );
        const at = latest?.step === message.step ? latest : undefined;
        points.set(message.step, {
          epoch: at?.epoch ?? 0,
          loss: at?.loss ?? message.valLoss,
          valLoss: message.valLoss,
          tokensPerSecond: at?.tokensPerSecond ?? 0,
        });
        break;
      }
      case "checkpoint":
        void serial(async () => {
          if (lost) return;
          await pool.query(
            `UPDATE training_runs SET checkpoint_step = $3, checkpoint_path = $4, checkpoint_at = now() WHERE ${owned}`,
            [runId, jobId, message.step, message.path],
          );
          await log("info", `Checkpoint saved at step ${message.step}.`);
        });
        break;
      default:
        result = message;
    }
  };

  const timer = setInterval(() => void flush(), deps.progressIntervalMs ?? 1_000);
  try {
    const thread = startTrainThread(
      {
        runId,
        config: claimed.config,
        rows,
        checkpointPath: files.checkpoint,
        adapterPath: files.adapter,
        resumeFrom: claimed.checkpoint_path,
      },
      onMessage,
    );
    control.setThread(thread);
    await thread.finished;
  } finally {
    clearInterval(timer);
  }
  await flush();
  await writes;
  if (lost) return "lost";
  const outcome = result ?? { type: "error" as const, message: "The training thread ended without a result." };
  if (outcome.type === "error") {
    logger.warn({ runId, error: outcome.message }, "training failed");
    await log("error", `Failed: ${readableError(outcome.message)}`);
    await finish("status = 'failed', error = $3, eta_seconds = NULL, finished_at = now()", [
      readableError(outcome.message),
    ]);
    return "failed";
  }
  if (outcome.status === "cancelled") {
    if (control.stopReason() === "shutdown") {
      const requeued = await requeueRun(deps.db, deps.queue, runId, jobId);
      logger.info({ runId, steps: outcome.steps, requeued }, "training paused for shutdown: run queued again");
      await log(
        "warn",
        `Trainer shutting down at step ${outcome.steps}: the run is queued again and resumes from its checkpoint.`,
      );
      return "requeued";
    }
    await finish("status = 'cancelled', cancel_requested = false, eta_seconds = NULL, finished_at = now()", []);
    logger.info({ runId, steps: outcome.steps }, "training cancelled");
    await log("info", `Cancelled at step ${outcome.steps}; the checkpoint is kept for a resume.`);
    return "cancelled";
  }
  await finish(
    `status = 'succeeded', step = GREATEST(step, $3), loss = COALESCE($4, loss), val_loss = COALESCE($5, val_loss),
     eta_seconds = 0, adapter_path = $6, evaluation = $7::jsonb, peak_memory_mib = $8, finished_at = now()`,
    [
      outcome.steps,
      outcome.finalLoss,
      outcome.valLoss,
      outcome.adapterPath,
      outcome.evaluation ? JSON.stringify(outcome.evaluation) : null,
      outcome.peakMemoryMiB,
    ],
  );
  logger.info({ runId, steps: outcome.steps, loss: outcome.finalLoss }, "training succeeded");
  const evaluated = outcome.evaluation;
  await log(
    "info",
    `Succeeded after ${outcome.steps} steps.${
      evaluated
        ? ` Held-out loss: base ${evaluated.base.loss.toFixed(3)}, fine-tuned ${evaluated.tuned.loss.toFixed(3)}.`
        : ""
    } Peak memory of the trainer: ${outcome.peakMemoryMiB} MiB.`,
  );
  return "succeeded";
}
