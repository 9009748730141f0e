import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { poolOf } from "@/lib/db/client";
import type { TrainingRunStatus } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import { JobName } from "@/lib/jobs/names";
import type { ParsedRunConfig, RunConfig } from "./config";
import type { RunEvaluation } from "./evaluation";
import { clientExecutor, inTransaction, sendTrainJob, type TrainQueue } from "./jobs";
import { logRunEvent, type RunEvent, runEvents } from "./run-events";
import { resolveRunConfig } from "./validate";

export interface FactoryDeps {
  db: Db;
  queue: TrainQueue;
}

/** Statuses a run ends in: nothing runs it until a resume (cancelled, failed). */
export const FINISHED_STATUSES: readonly TrainingRunStatus[] = ["succeeded", "failed", "cancelled"];

/** Where a run is: the numbers the run page draws its progress bar and ETA from. */
export interface RunProgress {
  step: number;
  totalSteps: number;
  epoch: number;
  loss: number | null;
  valLoss: number | null;
  tokensPerSecond: number | null;
  etaSeconds: number | null;
}

/** A run in the signed-in user's list. */
export interface RunSummary {
  id: string;
  name: string;
  status: TrainingRunStatus;
  baseModel: string;
  task: RunConfig["data"]["task"];
  cancelRequested: boolean;
  progress: RunProgress;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** A run with its config, lineage and metric history. */
export interface RunDetail extends RunSummary {
  config: RunConfig;
  backend: string | null;
  error: string | null;
  jobId: string | null;
  checkpoint: { step: number; at: Date | null } | null;
  startedAt: Date | null;
  /** Whether the run left an adapter (the playground and publishing need one). */
  hasAdapter: boolean;
  /** Base against fine-tuned on held-out rows, once the run succeeded. */
  evaluation: RunEvaluation | null;
  /** Peak resident memory of the trainer process over the run (MiB), measured once it succeeded. */
  peakMemoryMiB: number | null;
  /** The run's log, oldest first (the last 200 lines; only newer ones with `logsAfterId`). */
  logs: RunEvent[];
  lineage: {
    datanetId: string;
    datanetSlug: string;
    datanetName: string;
    version: number;
    versionId: string;
    merkleRoot: string;
    rowCount: number;
    txHash: string | null;
  }[];
  metrics: {
    step: number;
    epoch: number;
    loss: number;
    valLoss: number | null;
    tokensPerSecond: number;
    at: Date;
  }[];
}

const notFound = (id: string) =>
  new DomainError("training_run_not_found", `No training run "${id}".`, 404, { run: id });

/**
 * Launches a run from a parsed config (runConfigSchema): checks it against the database (422 naming the field), then
 * stores the run, its lineage and its pg-boss job in ONE transaction on one connection of the Prisma
 * client's pool: a failing send leaves no run, and a run never exists without its job.
 */
export async function launchRun(deps: FactoryDeps, userId: string, parsed: ParsedRunConfig): Promise<RunDetail> {
  const { config, versions, totalSteps } = await resolveRunConfig(deps.db, userId, parsed);
  const runId = randomUUID();
  const jobId = randomUUID();
  await inTransaction(poolOf(deps.db), async (client) => {
    await client.query(
      `INSERT INTO training_runs (id, owner_id, name, status, config, base_model, task, total_steps, job_id)
       VALUES ($1, $2, $3, 'queued', $4::jsonb, $5, $6::training_task, $7, $8)`,
      [runId, userId, config.name, JSON.stringify(config), config.baseModel, config.data.task, totalSteps, jobId],
    );
    await client.query(
      `INSERT INTO training_run_versions (run_id, version_id, position)
       SELECT $1, version_id, ordinality - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(version_id, ordinality)`,
      [runId, versions.map((version) => version.versionId)],
    );
    await sendTrainJob(deps.queue, client, runId, jobId);
    await logRunEvent(client, runId, "info", `Launched: ${totalSteps} steps planned; waiting for a trainer.`);
  });
  return getRun(deps.db, userId, runId);
}

/** Locks the user's run for an update in `client`'s transaction; 404 when it is not theirs. */
async function lockRun(
  client: pg.PoolClient,
  userId: string,
  runId: string,
): Promise<{ status: TrainingRunStatus; job_id: string | null }> {
  const { rows } = await client.query<{ status: TrainingRunStatus; job_id: string | null; owner_id: string }>(
    "SELECT status, job_id, owner_id FROM training_runs WHERE id = $1 FOR UPDATE",
    [runId],
  );
  const row = rows[0];
  if (!row || row.owner_id !== userId) throw notFound(runId);
  return row;
}

/**
 * Cancels a run. Queued: cancelled at once, and its job with it (same transaction). Running: marked
 * cancelRequested; the worker stops within seconds, keeps its last checkpoint and sets the status. Finished:
 * 409. Cancelling a running run twice is harmless.
 */
export async function cancelRun(deps: FactoryDeps, userId: string, runId: string): Promise<RunDetail> {
  await inTransaction(poolOf(deps.db), async (client) => {
    const run = await lockRun(client, userId, runId);
    if (run.status === "queued") {
      await client.query(
        `UPDATE training_runs SET status = 'cancelled', cancel_requested = false, eta_seconds = NULL,
                finished_at = now(), updated_at = now() WHERE id = $1`,
        [runId],
      );
      if (run.job_id) await deps.queue.cancel(JobName.train, run.job_id, { db: clientExecutor(client) });
      await logRunEvent(client, runId, "info", "Cancelled by its owner before a trainer took it.");
    } else if (run.status === "running") {
      await client.query("UPDATE training_runs SET cancel_requested = true, updated_at = now() WHERE id = $1", [runId]);
      await logRunEvent(client, runId, "info", "Cancel requested by its owner: the trainer stops at its next step.");
    } else {
      throw new DomainError("run_finished", `The run has already ${statusWords(run.status)}: nothing to cancel.`, 409, {
        status: run.status,
      });
    }
  });
  return getRun(deps.db, userId, runId);
}

/**
 * Resumes a cancelled or failed run: queued again with a new job (same transaction; the old job, if still
 * pending, is cancelled), keeping its step and checkpoint so the worker continues from there. Other statuses: 409.
 */
export async function resumeRun(deps: FactoryDeps, userId: string, runId: string): Promise<RunDetail> {
  await inTransaction(poolOf(deps.db), async (client) => {
    const run = await lockRun(client, userId, runId);
    if (run.status !== "cancelled" && run.status !== "failed") {
      throw new DomainError(
        "run_not_resumable",
        `Only a cancelled or failed run can be resumed; this one ${statusWords(run.status)}.`,
        409,
        { status: run.status },
      );
    }
    // A failed run's old job may still wait for a retry: cancel it so only the new job trains the run.
    if (run.job_id) await deps.queue.cancel(JobName.train, run.job_id, { db: clientExecutor(client) });
    const jobId = randomUUID();
    await client.query(
      `UPDATE training_runs SET status = 'queued', cancel_requested = false, error = NULL, eta_seconds = NULL,
              finished_at = NULL, job_id = $2, updated_at = now() WHERE id = $1`,
      [runId, jobId],
    );
    await sendTrainJob(deps.queue, client, runId, jobId);
    await logRunEvent(client, runId, "info", `Resumed by its owner (was ${run.status}): queued again.`);
  });
  return getRun(deps.db, userId, runId);
}

function statusWords(status: TrainingRunStatus): string {
  switch (status) {
    case "queued":
      return "is queued";
    case "running":
      return "is running";
    default:
      return status;
  }
}

type RunRow = NonNullable<Awaited<ReturnType<Db["trainingRun"]["findFirst"]>>>;

function summaryOf(run: RunRow): RunSummary {
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    baseModel: run.baseModel,
    task: run.task,
    cancelRequested: run.cancelRequested,
    progress: {
      step: run.step,
      totalSteps: run.totalSteps,
      epoch: run.epoch,
      loss: run.loss,
      valLoss: run.valLoss,
      tokensPerSecond: run.tokensPerSecond,
      etaSeconds: run.etaSeconds,
    },
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    finishedAt: run.finishedAt,
  };
}

/**
 * One of the user's runs with its config, lineage and metric history (only the points after
 * `metricsAfterStep` when given, for polling). Another user's run is a 404, as a missing one.
 */
export async function getRun(
  db: Db,
  userId: string,
  runId: string,
  options: { metricsAfterStep?: number; logsAfterId?: string } = {},
): Promise<RunDetail> {
  const run = await db.trainingRun.findUnique({
    where: { id: runId },
    include: {
      versions: {
        orderBy: { position: "asc" },
        include: { version: { include: { datanet: { select: { id: true, slug: true, name: true } } } } },
      },
      metrics: {
        where: options.metricsAfterStep === undefined ? {} : { step: { gt: options.metricsAfterStep } },
        orderBy: { step: "asc" },
      },
    },
  });
  if (!run || run.ownerId !== userId) throw notFound(runId);
  return {
    ...summaryOf(run),
    config: run.config as unknown as RunConfig,
    backend: run.backend,
    error: run.error,
    jobId: run.jobId,
    checkpoint: run.checkpointStep === null ? null : { step: run.checkpointStep, at: run.checkpointAt },
    startedAt: run.startedAt,
    hasAdapter: run.adapterPath !== null,
    peakMemoryMiB: run.peakMemoryMiB,
    evaluation: (run.evaluation as unknown as RunEvaluation | null) ?? null,
    logs: await runEvents(db, run.id, options.logsAfterId ? { afterId: options.logsAfterId } : {}),
    lineage: run.versions.map(({ version }) => ({
      datanetId: version.datanet.id,
      datanetSlug: version.datanet.slug,
      datanetName: version.datanet.name,
      version: version.number,
      versionId: version.id,
      merkleRoot: version.merkleRoot,
      rowCount: version.rowCount,
      txHash: version.txHash,
    })),
    metrics: run.metrics.map((metric) => ({
      step: metric.step,
      epoch: metric.epoch,
      loss: metric.loss,
      valLoss: metric.valLoss,
      tokensPerSecond: metric.tokensPerSecond,
      at: metric.createdAt,
    })),
  };
}

/** The user's runs, newest first (at most `limit`). */
export async function listRuns(db: Db, userId: string, limit = 100): Promise<RunSummary[]> {
  const runs = await db.trainingRun.findMany({
    where: { ownerId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return runs.map(summaryOf);
}
