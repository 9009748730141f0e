/**
 * The trainer worker process: answers health checks and trains ModelFactory runs (lib/factory/worker), each
 * on a worker thread, TRAINER_CONCURRENCY at a time. Started by `npm start` (WORKERS=n of them).
 */

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { serverConfig } from "@/lib/config/server";
import { db } from "@/lib/db/client";
import { startTrainer } from "@/lib/factory/worker/trainer";
import { answerHealthCheck } from "@/lib/jobs/health-check";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { JobName } from "@/lib/jobs/names";
import { defaultPollingIntervalSeconds, startQueue } from "@/lib/jobs/queue";
import { log } from "@/lib/log";

const config = serverConfig();
const workerId = `trainer@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const logger = log.child({ workerId });

const boss = await startQueue({
  databaseUrl: config.DATABASE_URL,
  onError: (error) => logger.error({ err: error }, "queue error"),
});
const heartbeat = startHeartbeat(
  db(),
  { id: workerId, kind: "trainer" },
  { intervalMs: config.WORKER_HEARTBEAT_SECONDS * 1000, onError: (err) => logger.warn({ err }, "heartbeat failed") },
);
await heartbeat.beat();

await boss.work(
  JobName.healthCheck,
  { pollingIntervalSeconds: defaultPollingIntervalSeconds, batchSize: 1 },
  async ([job]) => {
    if (!job) return undefined;
    logger.debug({ jobId: job.id }, "health check");
    return answerHealthCheck(workerId, job.data);
  },
);
const trainer = await startTrainer({
  db: db(),
  boss,
  workerId,
  dataDir: config.DATA_DIR,
  concurrency: config.TRAINER_CONCURRENCY,
  staleSeconds: config.TRAINER_STALE_SECONDS,
  pollingIntervalSeconds: defaultPollingIntervalSeconds,
  logger,
});
logger.info(
  { queues: [JobName.healthCheck, JobName.train], concurrency: config.TRAINER_CONCURRENCY },
  "trainer worker ready",
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, runs: trainer.active() }, "trainer worker stopping");
  // Runs in training stop at their next step with a checkpoint and are queued again for a worker to resume.
  await trainer.stop().catch((err) => logger.error({ err }, "trainer stop"));
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 }).catch((err) => logger.error({ err }, "queue stop"));
  await heartbeat.stop().catch((err) => logger.warn({ err }, "heartbeat removal"));
  await db().$disconnect();
  logger.info("trainer worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
