import PgBoss from "pg-boss";
import { allJobNames } from "./names";

export interface QueueOptions {
  databaseUrl: string;
  /** How often idle workers look for new jobs; pg-boss's default of 2 s makes launches feel slow. */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

/** Starts pg-boss on the application database (its own `pgboss` schema) and creates every queue. */
export async function startQueue(options: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    application_name: "modelfactory-queue",
    max: 4,
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
