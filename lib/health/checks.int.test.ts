import { createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { startQueue } from "@/lib/jobs/queue";
import { checkHealth } from "./checks";

let db: Db;
const chainAt = (url: string) => () => createPublicClient({ transport: http(url, { retryCount: 0 }) }).getChainId();

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL as string);
  const boss = await startQueue({ databaseUrl: process.env.DATABASE_URL as string });
  await boss.stop({ graceful: false, wait: true });
});
afterAll(async () => {
  await db.$disconnect();
});

describe("health checks against the real database and chain", () => {
  it("reports the missing worker, then ok once one beats", async () => {
    await db.workerHeartbeat.deleteMany();
    const deps = {
      db,
      readChainId: chainAt(process.env.RPC_URL as string),
      expectedChainId: 31337,
      workerMaxAgeMs: 15_000,
    };
    const before = await checkHealth(deps);
    expect(before.checks).toEqual({ db: "ok", chain: "ok", queue: "ok", worker: "error" });

    const heartbeat = startHeartbeat(db, { id: "test-worker", kind: "trainer" }, { intervalMs: 60_000 });
    await heartbeat.beat();
    expect(await checkHealth(deps)).toEqual({
      status: "ok",
      checks: { db: "ok", chain: "ok", queue: "ok", worker: "ok" },
    });
    await heartbeat.stop();
  });

  it("names the chain when nothing answers on the RPC port", async () => {
    const report = await checkHealth({
      db,
      readChainId: chainAt("http://127.0.0.1:9"),
      expectedChainId: 31337,
      workerMaxAgeMs: 15_000,
    });
    expect(report.status).toBe("error");
    expect(report.checks.chain).toBe("error");
    expect(report.checks.db).toBe("ok");
  });
});
