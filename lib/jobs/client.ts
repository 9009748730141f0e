import type PgBoss from "pg-boss";
import { serverConfig } from "@/lib/config/server";
import { log } from "@/lib/log";
import { startQueue } from "./queue";

const globalForQueue = globalThis as unknown as { modelfactoryQueue?: Promise<PgBoss> };

/**
 * The web process's queue client: started on first use (send-only, no maintenance timers) and shared,
 * kept on globalThis so dev hot reloads don't start another. Workers start their own with startQueue.
 */
export function queue(): Promise<PgBoss> {
  globalForQueue.modelfactoryQueue ??= startQueue({
    databaseUrl: serverConfig().DATABASE_URL,
    sendOnly: true,
    max: 2,
    onError: (err) => log.error({ err }, "queue error (web)"),
  }).catch((error: unknown) => {
    globalForQueue.modelfactoryQueue = undefined;
    throw error;
  });
  return globalForQueue.modelfactoryQueue;
}
