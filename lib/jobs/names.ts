/** Every queue the workers serve. Later capabilities add theirs here (training, settlement, …). */
export const JobName = {
  healthCheck: "health-check",
  /** One ModelFactory training run (payload: trainPayloadSchema). */
  train: "train",
} as const;

export type JobName = (typeof JobName)[keyof typeof JobName];

export const allJobNames: readonly JobName[] = Object.values(JobName);
