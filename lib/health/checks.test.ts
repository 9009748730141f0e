import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { checkHealth } from "./checks";

function fakeDb(options: { dbDown?: boolean; queueMissing?: boolean; workers?: number }): Db {
  return {
    $queryRaw: async (strings: TemplateStringsArray) => {
      if (options.dbDown) throw new Error("connect ECONNREFUSED 127.0.0.1:54320");
      if (strings.join("?").includes("pgboss.queue")) return options.queueMissing ? [] : [{ name: "health-check" }];
      return [{ "?column?": 1 }];
    },
    workerHeartbeat: { findMany: async () => Array.from({ length: options.workers ?? 1 }, (_, id) => ({ id })) },
  } as unknown as Db;
}

describe("checkHealth", () => {
  it("is ok when every part answers", async () => {
    const report = await checkHealth({
      db: fakeDb({}),
      readChainId: async () => 31337,
      expectedChainId: 31337,
      workerMaxAgeMs: 15_000,
    });
    expect(report).toEqual({ status: "ok", checks: { db: "ok", chain: "ok", queue: "ok", worker: "ok" } });
  });

  it("names each failing check with a reason", async () => {
    const report = await checkHealth({
      db: fakeDb({ queueMissing: true, workers: 0 }),
      readChainId: async () => 1,
      expectedChainId: 31337,
      workerMaxAgeMs: 15_000,
    });
    expect(report.status).toBe("error");
    expect(report.checks).toEqual({ db: "ok", chain: "error", queue: "error", worker: "error" });
    expect(report.errors?.chain).toMatch(/chain id 1, expected 31337/);
    expect(report.errors?.worker).toMatch(/no worker heartbeat in the last 15 s/);
  });

  it("times out a check that hangs instead of hanging itself", async () => {
    const report = await checkHealth({
      db: fakeDb({}),
      readChainId: () => new Promise(() => {}),
      expectedChainId: 31337,
      workerMaxAgeMs: 15_000,
      timeoutMs: 50,
    });
    expect(report.checks.chain).toBe("error");
    expect(report.errors?.chain).toMatch(/timed out after 50 ms/);
  });

  it("reports a database that is down on every check that needs it", async () => {
    const report = await checkHealth({
      db: fakeDb({ dbDown: true }),
      readChainId: async () => 31337,
      expectedChainId: 31337,
      workerMaxAgeMs: 15_000,
    });
    expect(report.checks.db).toBe("error");
    expect(report.errors?.db).toMatch(/ECONNREFUSED/);
  });
});
