/**
 * A run on an imported checkpoint (DATA_DIR/checkpoints/<name>, id local/<name>): the trainer worker trains it to
 * success and the inference server's ModelCache loads its adapter over that base.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { seedPublishedVersion } from "@/lib/factory/fixtures/published-version";
import "@/lib/factory/base-models/resolve";
import { parseRunConfig } from "@/lib/factory/config";
import { launchRun } from "@/lib/factory/runs";
import { startQueue } from "@/lib/jobs/queue";
import { initBackend } from "@/lib/ml/backend/init";
import { loadCatalogModel } from "@/lib/ml/catalog/load";
import { exportHfCheckpoint } from "@/lib/ml/io/hf-checkpoint";
import { disposeParams } from "@/lib/ml/model/params";
import { ModelCache } from "@/lib/serving/model-cache";

const dataDir = mkdtempSync(path.join(tmpdir(), "mf-imported-base-"));
const previousDataDir = process.env.DATA_DIR;
let db: Db;
let boss: PgBoss;
let userId: string;
let datanetId: string;
let worker: ChildProcess | null = null;

/** A public text Datanet with one confirmed version of `texts`, stored as lib/datanets/publishing leaves it. */
async function publishedTextDatanet(owner: string, texts: string[]): Promise<string> {
  const { id } = await seedPublishedVersion(db, {
    ownerId: owner,
    kind: "text",
    rows: texts.map((text) => ({ text })),
  });
  return id;
}

beforeAll(async () => {
  // The config check in this process and the worker both read DATA_DIR/checkpoints.
  process.env.DATA_DIR = dataDir;
  await initBackend({ backend: "wasm" });
  const shipped = await loadCatalogModel("mf-prose-byte");
  try {
    await exportHfCheckpoint(path.join(dataDir, "checkpoints", "prose-copy"), shipped);
  } finally {
    disposeParams(shipped.params);
  }
  db = createDb(process.env.DATABASE_URL as string);
  boss = await startQueue({ databaseUrl: process.env.DATABASE_URL as string });
  const user = await db.user.create({ data: { address: `0x${randomUUID().replaceAll("-", "").padEnd(40, "0")}` } });
  userId = user.id;
  const texts = Array.from({ length: 24 }, (_, i) => `The whale swam past the ship at dawn, day ${i % 7}.`);
  datanetId = await publishedTextDatanet(userId, texts);
});

afterAll(async () => {
  worker?.kill("SIGKILL");
  await boss?.stop({ graceful: false, wait: true });
  await db?.$disconnect();
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a run on an imported checkpoint", () => {
  it("trains local/prose-copy to success, and its adapter loads in the inference ModelCache", async () => {
    const config = parseRunConfig({
      baseModel: "local/prose-copy",
      data: { versions: [{ datanetId, version: 1 }], validationSplit: 0.1 },
      method: {
        rank: 4,
        alpha: 8,
        dropout: 0,
        targetModules: ["q", "v"],
        epochs: 1,
        learningRate: 0.01,
        batchSize: 4,
        contextLength: 32,
        warmupSteps: 1,
        checkpointEvery: 100,
      },
    });
    const child = spawn(process.execPath, ["--import", "tsx", "workers/trainer.ts"], {
      env: { ...process.env, LOG_LEVEL: "info", DATA_DIR: dataDir, WORKER_HEARTBEAT_SECONDS: "1", ML_BACKEND: "wasm" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    worker = child;
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);

    const run = await launchRun({ db, queue: boss }, userId, config);
    expect(run.status).toBe("queued");
    const started = Date.now();
    let done = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    while (done.status === "queued" || done.status === "running") {
      if (Date.now() - started > 80_000) throw new Error(`run still ${done.status}; worker said:\n${output}`);
      await sleep(200);
      done = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
    }
    expect(done.error, output).toBeNull();
    expect(done.status).toBe("succeeded");
    expect(done.baseModel).toBe("local/prose-copy");
    expect(done.step).toBe(done.totalSteps);

    const cache = new ModelCache({
      adapterRoot: path.join(dataDir, "runs"),
      checkpointsRoot: path.join(dataDir, "checkpoints"),
    });
    const base = await cache.base("local/prose-copy");
    expect(base.config).toMatchObject({ model_type: "gpt2", n_positions: 256 });
    expect(base.tokenizer.vocabSize).toBe(259);
    const adapter = await cache.adapter(done.adapterPath as string, base);
    expect(adapter.config).toMatchObject({ rank: 4, targetModules: ["q", "v"] });
    expect(adapter.params.size).toBeGreaterThan(0);
    expect(() => cache.base("local/nothing-here")).toThrow(/No base model "local\/nothing-here"/);
    child.kill("SIGTERM");
  }, 100_000);
});
