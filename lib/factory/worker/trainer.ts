import type PgBoss from "pg-boss";
import { JobName } from "@/lib/jobs/names";
import { trainPayloadSchema } from "@/lib/jobs/payloads";
import { recoverStaleRuns } from "./recovery";
import { type ActiveRun, type RunJobDeps, startRunJob } from "./run-job";

export interface TrainerOptions extends Omit<RunJobDeps, "queue"> {
  boss: PgBoss;
  /** Runs trained at once by this process. */
  concurrency: number;
  pollingIntervalSeconds: number;
}

/** The training side of a trainer worker process: takes `train` jobs and takes back runs of dead workers. */
export interface Trainer {
  /** Runs being trained now. */
  active(): readonly string[];
  /**
   * Graceful stop: takes no more jobs, ends each run at its next step with a checkpoint and queues it
   * again (so a worker resumes it), then resolves.
   */
  stop(): Promise<void>;
}

export async function startTrainer(options: TrainerOptions): Promise<Trainer> {
  const { boss, logger } = options;
  const deps: RunJobDeps = { ...options, queue: boss };
  const running = new Map<string, ActiveRun>();
  let stopping = false;

  const handle = async (jobs: PgBoss.Job<unknown>[]) => {
    const job = jobs[0];
    if (!job) return undefined;
    if (stopping) throw new Error("the worker is shutting down; another worker takes this job");
    const { runId } = trainPayloadSchema.parse(job.data);
    const run = startRunJob(deps, runId, job.id);
    running.set(job.id, run);
    try {
      const outcome = await run.done;
      return { runId, outcome };
    } finally {
      running.delete(job.id);
    }
  };
  // One pg-boss worker per concurrent run: each takes one job at a time.
  for (let slot = 0; slot < options.concurrency; slot++) {
    await boss.work(JobName.train, { pollingIntervalSeconds: options.pollingIntervalSeconds, batchSize: 1 }, handle);
  }

  // Runs whose worker died: look a few times per stale interval; any worker may take them back.
  let sweeping: Promise<void> = Promise.resolve();
  const sweep = () => {
    sweeping = recoverStaleRuns(options.db, boss, options.staleSeconds)
      .then((recovered) => {
        for (const run of recovered) logger.warn(run, "took back a run whose worker stopped beating");
      })
      .catch((error: unknown) => logger.warn({ err: error }, "stale-run sweep failed"));
  };
  const sweepTimer = setInterval(sweep, Math.max(1_000, (options.staleSeconds * 1000) / 3));
  sweep();

  return {
    active: () => [...running.values()].map((run) => run.runId),
    async stop() {
      if (stopping) return;
      stopping = true;
      clearInterval(sweepTimer);
      await boss.offWork(JobName.train);
      const current = [...running.values()];
      for (const run of current) run.stop("shutdown");
      await Promise.allSettled(current.map((run) => run.done));
      await sweeping;
    },
  };
}
