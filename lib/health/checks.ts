import type { Db } from "@/lib/db/client";
import { liveWorkers } from "@/lib/jobs/heartbeat";
import { JobName } from "@/lib/jobs/names";

export type CheckName = "db" | "chain" | "queue" | "worker";

export interface HealthReport {
  status: "ok" | "error";
  checks: Record<CheckName, "ok" | "error">;
  /** Why each failing check failed, in words a person can act on. */
  errors?: Partial<Record<CheckName, string>>;
}

export interface HealthDeps {
  db: Db;
  /** Returns the chain id the RPC endpoint answers with. */
  readChainId: () => Promise<number>;
  expectedChainId: number;
  workerMaxAgeMs: number;
  timeoutMs?: number;
}

/** Runs every check in parallel, each bounded by a timeout, and reports which failed. */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const timeoutMs = deps.timeoutMs ?? 3_000;
  const probes: Record<CheckName, () => Promise<void>> = {
    db: async () => {
      await deps.db.$queryRaw`SELECT 1`;
    },
    chain: async () => {
      const chainId = await deps.readChainId();
      if (chainId !== deps.expectedChainId) {
        throw new Error(`RPC answers chain id ${chainId}, expected ${deps.expectedChainId}`);
      }
    },
    queue: async () => {
      const rows = await deps.db.$queryRaw<
        { name: string }[]
      >`SELECT name FROM pgboss.queue WHERE name = ${JobName.healthCheck}`;
      if (rows.length === 0) throw new Error("the job queue is not set up: no worker has started yet");
    },
    worker: async () => {
      const workers = await liveWorkers(deps.db, deps.workerMaxAgeMs);
      if (workers.length === 0)
        throw new Error(`no worker heartbeat in the last ${Math.round(deps.workerMaxAgeMs / 1000)} s`);
    },
  };

  const names = Object.keys(probes) as CheckName[];
  const outcomes = await Promise.all(names.map((name) => withTimeout(probes[name](), timeoutMs, name)));
  const checks = {} as Record<CheckName, "ok" | "error">;
  const errors: Partial<Record<CheckName, string>> = {};
  names.forEach((name, index) => {
    const failure = outcomes[index];
    checks[name] = failure ? "error" : "ok";
    if (failure) errors[name] = failure;
  });
  const ok = Object.values(checks).every((value) => value === "ok");
  return ok ? { status: "ok", checks } : { status: "error", checks, errors };
}

/** Resolves to undefined on success or to the failure's message. */
async function withTimeout(probe: Promise<void>, timeoutMs: number, name: string): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`${name} check timed out after ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([probe.then(() => undefined), timeout]);
  } catch (error) {
    return error instanceof Error ? firstLine(error.message) : String(error);
  } finally {
    clearTimeout(timer);
  }
}

const firstLine = (text: string) =>
  text
    .split("\n")
    .find((line) => line.trim())
    ?.trim() ?? text;
