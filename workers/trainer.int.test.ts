import { type ChildProcess, spawn } from "node:child_process";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { HealthCheckTimeoutError, runHealthCheckRoundTrip } from "@/lib/jobs/health-check";
import { startQueue } from "@/lib/jobs/queue";

let boss: PgBoss;
let db: Db;

beforeAll(async () => {
  boss = await startQueue({ databaseUrl: process.env.DATABASE_URL as string });
  db = createDb(process.env.DATABASE_URL as string);
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await db.$disconnect();
});

function startWorker(): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/trainer.ts"], {
    env: { ...process.env, LOG_LEVEL: "info", WORKER_HEARTBEAT_SECONDS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("trainer worker ready")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`worker exited early (${code}): ${output}`)));
  });
  return { child, ready, output: () => output };
}

describe("the trainer worker process", () => {
  it("times out a health check when no worker runs", async () => {
    await expect(runHealthCheckRoundTrip(boss, { requestedBy: "test", timeoutMs: 1_500 })).rejects.toBeInstanceOf(
      HealthCheckTimeoutError,
    );
  });

  it("answers a health-check job, beats, and shuts down cleanly on SIGTERM", async () => {
    const worker = startWorker();
    await worker.ready;
    const { result, elapsedMs } = await runHealthCheckRoundTrip(boss, { requestedBy: "test", timeoutMs: 20_000 });
    expect(result.workerId).toMatch(/^trainer@/);
    expect(elapsedMs).toBeLessThan(20_000);
    expect(await db.workerHeartbeat.count({ where: { id: result.workerId } })).toBe(1);

    const exited = new Promise<number | null>((resolve) => worker.child.on("exit", resolve));
    worker.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(worker.output()).toContain("trainer worker stopped");
    // A clean stop removes the heartbeat, so /api/health stops counting this worker at once.
    expect(await db.workerHeartbeat.count({ where: { id: result.workerId } })).toBe(0);
  });
});
