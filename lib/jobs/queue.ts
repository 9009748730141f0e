import PgBoss from "pg-boss";
import { allJobNames } from "./names";

export interface QueueOptions {
  databaseUrl: string;
  /** How often idle workers look for new jobs; pg-boss's default of 2 s makes launches feel slow. */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
  /**
   * A process that only sends and cancels jobs (the web app): no maintenance or cron timers of its own;
   * the workers' instances supervise the queues.
   */
  sendOnly?: boolean;
  /** Connections of pg-boss's own pool (default 4). */
  max?: number;
}

/** Starts pg-boss on the application database (its own `pgboss` schema) and creates every queue. */
export async function startQueue(options: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    application_name: "modelfactory-queue",
    max: options.max ?? 4,
    ...(options.sendOnly ? { supervise: false, schedule: false } : {}),
  });
  boss.on("error", options.onError ?? (() => {}));
  await boss.start();
  for (const name of allJobNames) {
    // createQueue is idempotent in pg-boss 10 only when the queue is missing; check first.
    if (!(await boss.getQueue(name))) await boss.createQueue(name);
  }
  return boss;
}

export const defaultPollingIntervalSeconds = 0.5;
