import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import { JobName } from "./names";
import {
  type HealthCheckPayload,
  type HealthCheckResult,
  healthCheckPayloadSchema,
  healthCheckResultSchema,
} from "./payloads";

export class HealthCheckTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No worker answered the health-check job within ${timeoutMs} ms. Is a worker running (WORKERS ≥ 1)?`);
    this.name = "HealthCheckTimeoutError";
  }
}

/** The worker's side: validate the probe and say who answered. */
export function answerHealthCheck(workerId: string, data: unknown, now = new Date()): HealthCheckResult {
  const payload = healthCheckPayloadSchema.parse(data);
  return { workerId, requestedAt: payload.requestedAt, answeredAt: now.toISOString() };
}

/**
 * Sends a health-check job and waits until a worker completes it: proves the queue and at
 * least one worker are alive end to end.
 */
export async function runHealthCheckRoundTrip(
  boss: PgBoss,
  options: { requestedBy: string; timeoutMs?: number; pollMs?: number },
): Promise<{ result: HealthCheckResult; elapsedMs: number }> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const started = Date.now();
  const payload: HealthCheckPayload = {
    requestedAt: new Date(started).toISOString(),
    requestedBy: options.requestedBy,
  };
  const id = await boss.send(JobName.healthCheck, payload, {
    expireInSeconds: Math.ceil(timeoutMs / 1000) + 5,
    retryLimit: 0,
    retentionMinutes: 5,
  });
  if (!id) throw new Error("The queue refused the health-check job.");
  while (Date.now() - started < timeoutMs) {
    const job = await boss.getJobById(JobName.healthCheck, id);
    if (job?.state === "completed") {
      return { result: healthCheckResultSchema.parse(job.output), elapsedMs: Date.now() - started };
    }
    if (job?.state === "failed" || job?.state === "cancelled") {
      throw new Error(`The health-check job ${job.state}: ${JSON.stringify(job.output)}`);
    }
    await sleep(options.pollMs ?? 100);
  }
  await boss.cancel(JobName.healthCheck, id).catch(() => {});
  throw new HealthCheckTimeoutError(timeoutMs);
}
