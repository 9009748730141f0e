import { hostname } from "node:os";
import type { Db } from "@/lib/db/client";

export interface WorkerIdentity {
  id: string;
  kind: string;
}

/** Writes this worker's heartbeat now and every interval; stop() removes it. */
export function startHeartbeat(
  db: Db,
  worker: WorkerIdentity,
  options: { intervalMs: number; onError?: (error: unknown) => void },
): { beat(): Promise<void>; stop(): Promise<void> } {
  const startedAt = new Date();
  const beat = async () => {
    const now = new Date();
    await db.workerHeartbeat.upsert({
      where: { id: worker.id },
      create: { id: worker.id, kind: worker.kind, hostname: hostname(), pid: process.pid, startedAt, lastSeenAt: now },
      update: { lastSeenAt: now },
    });
  };
  const timer = setInterval(() => beat().catch(options.onError ?? (() => {})), options.intervalMs);
  timer.unref();
  return {
    beat,
    async stop() {
      clearInterval(timer);
      await db.workerHeartbeat.deleteMany({ where: { id: worker.id } });
    },
  };
}

/** Workers whose heartbeat is younger than maxAgeMs. */
export async function liveWorkers(db: Db, maxAgeMs: number, now = new Date()) {
  return db.workerHeartbeat.findMany({
    where: { lastSeenAt: { gte: new Date(now.getTime() - maxAgeMs) } },
    orderBy: { lastSeenAt: "desc" },
  });
}
