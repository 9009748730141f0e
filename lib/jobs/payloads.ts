import { z } from "zod";
import { JobName } from "./names";

/** A probe sent through the queue to prove a worker takes jobs and answers. */
export const healthCheckPayloadSchema = z.object({
  requestedAt: z.iso.datetime(),
  requestedBy: z.string().min(1).max(100),
});

/** What a worker answers to a health check. */
export const healthCheckResultSchema = z.object({
  workerId: z.string().min(1),
  requestedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime(),
});

/**
 * A training job: names the TrainingRun only. The run's row holds the config, progress and checkpoint,
 * so a retried or resumed job reads the current state instead of a stale copy.
 */
export const trainPayloadSchema = z.object({
  runId: z.string().min(1),
});

export type TrainPayload = z.infer<typeof trainPayloadSchema>;
export type HealthCheckPayload = z.infer<typeof healthCheckPayloadSchema>;
export type HealthCheckResult = z.infer<typeof healthCheckResultSchema>;

/** Payload schema per job name: senders and workers both validate against it. */
export const jobPayloadSchemas = {
  [JobName.healthCheck]: healthCheckPayloadSchema,
  [JobName.train]: trainPayloadSchema,
} as const satisfies Record<JobName, z.ZodType>;
