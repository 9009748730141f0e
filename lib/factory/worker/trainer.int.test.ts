import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { parseRunConfig, type RunConfigInput } from "@/lib/factory/config";
import { seedPublishedVersion } from "@/lib/factory/fixtures/published-version";
import { cancelRun, launchRun, resumeRun } from "@/lib/factory/runs";
import { startQueue } from "@/lib/jobs/queue";
import { estimateRun } from "../estimate";
import type { RunEvaluation } from "../evaluation";
import { packAdapter } from "../publish/adapter-files";
import { runEvents } from "../run-events";

let db: Db;
let boss: PgBoss;
let userId: string;
let datanetId: string;
const dataDir = mkdtempSync(path.join(tmpdir(), "mf-trainer-"));
const workers = new Set<ChildProcess>();

/** Sentences of a tiny corpus: varied enough to learn from, small enough to train in seconds. */
function corpus(count: number): string[] {
  const subjects = ["The whale", "A sailor", "The captain", "Our ship", "The harpooneer", "An old mate"];
  const verbs = ["watched", "followed", "cursed", "sought", "dreamed of", "feared"];
  const objects = ["the white sea", "the long voyage", "the quiet deck", "the grey horizon", "the wild storm"];
  return Array.from(
    { length: count },
    (_, i) => `${subjects[i % 6]} ${verbs[(i * 5) % 6]} ${objects[(i * 7) % 5]} at dawn, day ${i % 9}.`,
  );
}

/** A public text Datanet with one confirmed version of `texts`, stored as lib/datanets/publishing leaves it. */
async function publishedTextDatanet(owner: string, texts: string[]): Promise<string> {
  const { id } = await seedPublishedVersion(db, {
    ownerId: owner,
    kind: "text",
    rows: texts.map((text) => ({ text })),
  });
  return id;
}

const tiny = (method: Partial<NonNullable<RunConfigInput["method"]>> = {}) =>
  parseRunConfig({
    baseModel: "mf-prose-byte",
    data: { versions: [{ datanetId, version: 1 }], validationSplit: 0.1 },
    method: {
      rank: 4,
      alpha: 8,
      dropout: 0,
      targetModules: ["q", "v"],
      epochs: 1,
      learningRate: 0.01,
      batchSize: 2,
      gradientAccumulation: 1,
      contextLength: 32,
      warmupSteps: 1,
      seed: 7,
      checkpointEvery: 4,
      ...method,
    },
  });

const deps = () => ({ db, queue: boss });

function startWorker(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/trainer.ts"], {
    env: {
      ...process.env,
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      TRAINER_STALE_SECONDS: "3",
      WORKER_HEARTBEAT_SECONDS: "1",
      ML_BACKEND: "wasm",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.add(child);
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then(() => workers.delete(child));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("trainer worker ready")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`worker exited early (${code}): ${output}`)));
  });
  return { child, ready, exited, output: () => output };
}

const runRow = (id: string) => db.trainingRun.findUniqueOrThrow({ where: { id } });

/** Polls the run until `done` holds (recording every step seen), or fails after `timeoutMs`. */
async function waitFor(
  id: string,
  done: (run: Awaited<ReturnType<typeof runRow>>) => boolean,
  timeoutMs = 60_000,
  steps?: number[],
) {
  const started = Date.now();
  for (;;) {
    const run = await runRow(id);
    steps?.push(run.step);
    if (done(run)) return run;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`run ${id} still ${run.status} at step ${run.step}/${run.totalSteps} (error: ${run.error})`);
    }
    await sleep(100);
  }
}

const nonDecreasing = (values: number[]) => values.every((value, i) => i === 0 || value >= (values[i - 1] as number));

beforeAll(async () => {
  db = createDb(process.env.DATABASE_URL as string);
  boss = await startQueue({ databaseUrl: process.env.DATABASE_URL as string });
  const user = await db.user.create({ data: { address: `0x${randomUUID().replaceAll("-", "").padEnd(40, "0")}` } });
  userId = user.id;
  datanetId = await publishedTextDatanet(userId, corpus(60));
});

afterAll(async () => {
  for (const child of workers) child.kill("SIGKILL");
  await boss.stop({ graceful: false, wait: true });
  await db.$disconnect();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the trainer worker", () => {
  it("trains a queued run to success: progress, metrics, backend, checkpoint and adapter", async () => {
    // Before any run of this base model finished here, nothing is estimated.
    expect(await estimateRun(db, userId, tiny({ epochs: 1 }))).toBeNull();
    const worker = startWorker();
    await worker.ready;
    const run = await launchRun(deps(), userId, tiny({ epochs: 1 }));
    expect(run.status).toBe("queued");
    const steps: number[] = [];
    const done = await waitFor(run.id, (r) => r.status !== "queued" && r.status !== "running", 60_000, steps);
    expect(done.error).toBeNull();
    expect(done.status).toBe("succeeded");
    expect(done.step).toBe(done.totalSteps);
    expect(done.backend).toMatch(/^wasm/);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect(done.checkpointStep).toBeGreaterThan(0);
    expect(existsSync(done.checkpointPath as string)).toBe(true);
    // The run's log tells the story, in order.
    const log = (await runEvents(db, run.id)).map((line) => line.message);
    const order = [
      /^Launched: \d+ steps planned/,
      /^Taken by trainer /,
      /^Training on wasm/,
      /^Checkpoint saved at step \d+/,
      /^Succeeded after \d+ steps\. Held-out loss: base/,
    ];
    let at = -1;
    for (const pattern of order) {
      const found = log.findIndex((message, index) => index > at && pattern.test(message));
      expect(found, `${pattern} in ${JSON.stringify(log)}`).toBeGreaterThan(at);
      at = found;
    }
    // The adapter is a PEFT folder: what the inference server loads and the model page packs.
    const packed = await packAdapter(done.adapterPath as string);
    expect(packed.adapterHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(existsSync(path.join(done.adapterPath as string, "modelfactory.json"))).toBe(true);
    // Evaluated on the held-out rows: base against fine-tuned, with samples completed by both.
    const evaluation = done.evaluation as unknown as RunEvaluation;
    expect(evaluation.task).toBe("causal_lm");
    expect(evaluation.heldOutExamples).toBeGreaterThan(0);
    expect(evaluation.tuned.loss).toBeLessThan(evaluation.base.loss);
    expect(evaluation.tuned.perplexity).toBeCloseTo(Math.exp(evaluation.tuned.loss), 3);
    if (evaluation.task !== "classification") {
      expect(evaluation.samples.length).toBeGreaterThan(0);
      expect(evaluation.samples[0]?.reference.length).toBeGreaterThan(0);
      expect(evaluation.samples.some((sample) => sample.tuned.length > 0)).toBe(true);
    }
    expect(nonDecreasing(steps)).toBe(true);
    const metrics = await db.trainingMetric.findMany({ where: { runId: run.id }, orderBy: { step: "asc" } });
    expect(metrics.length).toBeGreaterThanOrEqual(2);
    expect(metrics.at(-1)?.step).toBe(done.totalSteps);
    expect(metrics.some((m) => m.valLoss !== null)).toBe(true);
    expect(metrics.at(-1)?.loss).toBeLessThan(metrics[0]?.loss as number);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  }, 90_000);

  it("estimates a new run from the throughput and overhead the finished run measured", async () => {
    const estimate = await estimateRun(db, userId, tiny({ epochs: 3 }));
    expect(estimate).not.toBeNull();
    const basis = await db.trainingRun.findUniqueOrThrow({ where: { id: estimate?.basedOn.runId as string } });
    expect(basis.status).toBe("succeeded");
    expect(estimate?.tokensPerSecond).toBe(basis.tokensPerSecond);
    // Three epochs: about three times the training part of the one-epoch run, plus the same overhead.
    const trainingSeconds = (estimate?.seconds as number) - (estimate?.overheadSeconds as number);
    const basisSeconds = ((basis.finishedAt as Date).getTime() - (basis.startedAt as Date).getTime()) / 1000;
    expect(trainingSeconds).toBeGreaterThan(0);
    // Steps follow the packed text windows, as the trainer counted them (to within rounding).
    expect(Math.abs((estimate?.totalSteps as number) - 3 * basis.totalSteps)).toBeLessThanOrEqual(
      0.05 * 3 * basis.totalSteps,
    );
    expect(estimate?.seconds).toBeGreaterThan(basisSeconds * 0.5);
    // Memory: the finished run's measured peak (its trainer process), scaled by the formula to the new settings.
    const peak = basis.peakMemoryMiB as number;
    expect(peak).toBeGreaterThan(100);
    expect(estimate?.measuredMemoryMiB).toBe(peak);
    expect(estimate?.memoryMiB).toBeGreaterThan(peak * 0.5);
    expect(estimate?.memoryMiB).toBeLessThan(peak * 2);
  });

  it("cancels a running run within seconds, keeps its checkpoint, and resumes from it to success", async () => {
    const worker = startWorker();
    await worker.ready;
    const run = await launchRun(deps(), userId, tiny({ epochs: 6, checkpointEvery: 5 }));
    await waitFor(run.id, (r) => r.status === "running" && (r.checkpointStep ?? 0) >= 5);
    const asked = Date.now();
    await cancelRun(deps(), userId, run.id);
    const cancelled = await waitFor(run.id, (r) => r.status === "cancelled", 10_000);
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect(cancelled.step).toBeLessThan(cancelled.totalSteps);
    // The loop checkpoints the steps done since the last one before it stops.
    expect(cancelled.checkpointStep).toBe(cancelled.step);
    expect(existsSync(cancelled.checkpointPath as string)).toBe(true);

    await resumeRun(deps(), userId, run.id);
    const steps: number[] = [];
    const done = await waitFor(run.id, (r) => r.status === "succeeded" || r.status === "failed", 60_000, steps);
    expect(done.error).toBeNull();
    expect(done.step).toBe(done.totalSteps);
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(cancelled.step);
    expect(nonDecreasing(steps)).toBe(true);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  }, 90_000);

  it("trains two runs at once on two workers", async () => {
    const a = startWorker();
    const b = startWorker();
    await Promise.all([a.ready, b.ready]);
    const first = await launchRun(deps(), userId, tiny({ epochs: 2 }));
    const second = await launchRun(deps(), userId, tiny({ epochs: 2, seed: 8 }));
    // Both running at the same moment, each on its own worker.
    const both = async () => {
      const [x, y] = await Promise.all([runRow(first.id), runRow(second.id)]);
      return x.status === "running" && y.status === "running" && x.step > 0 && y.step > 0 ? [x, y] : null;
    };
    let pair: Awaited<ReturnType<typeof both>> = null;
    for (let i = 0; i < 300 && !pair; i++) {
      pair = await both();
      if (!pair) await sleep(100);
    }
    expect(pair).not.toBeNull();
    const [runningA, runningB] = pair ?? [];
    expect(runningA?.workerId).not.toBe(runningB?.workerId);
    const [x, y] = await Promise.all([
      waitFor(first.id, (r) => r.status === "succeeded" || r.status === "failed"),
      waitFor(second.id, (r) => r.status === "succeeded" || r.status === "failed"),
    ]);
    expect([x.status, y.status]).toEqual(["succeeded", "succeeded"]);
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    await Promise.all([a.exited, b.exited]);
  }, 90_000);

  it("after kill -9 of its worker mid-run, another worker resumes the run from its checkpoint to success", async () => {
    const doomed = startWorker();
    await doomed.ready;
    const run = await launchRun(deps(), userId, tiny({ epochs: 6, checkpointEvery: 5 }));
    const steps: number[] = [];
    const before = await waitFor(run.id, (r) => r.status === "running" && (r.checkpointStep ?? 0) >= 10, 60_000, steps);
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    const killedAt = Date.now();
    const rescuer = startWorker();
    await rescuer.ready;
    const resumed = await waitFor(
      run.id,
      (r) => r.status === "running" && r.workerId !== before.workerId && r.workerId !== null,
      30_000,
      steps,
    );
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expect(resumed.jobId).not.toBe(before.jobId);
    const done = await waitFor(run.id, (r) => r.status === "succeeded" || r.status === "failed", 60_000, steps);
    expect(done.error).toBeNull();
    expect(done.step).toBe(done.totalSteps);
    expect((await runEvents(db, run.id)).map((line) => line.message).join("\n")).toMatch(
      /stopped answering for \d+ s: queued again[\s\S]*resumed from the checkpoint at step \d+/,
    );
    expect(nonDecreasing(steps)).toBe(true);
    expect(rescuer.output()).toMatch(/"resumedFrom":(1\d|[2-9]\d)/);
    const oldJob = await db.$queryRaw<{ state: string }[]>`
      SELECT state::text AS state FROM pgboss.job WHERE id = ${before.jobId}::uuid`;
    expect(oldJob[0]?.state).toBe("cancelled");
    rescuer.child.kill("SIGTERM");
    expect(await rescuer.exited).toBe(0);
  }, 120_000);

  it("on SIGTERM, checkpoints the run and queues it again instead of failing it", async () => {
    const first = startWorker();
    await first.ready;
    const run = await launchRun(deps(), userId, tiny({ epochs: 6, checkpointEvery: 50 }));
    await waitFor(run.id, (r) => r.status === "running" && r.step >= 3);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const paused = await runRow(run.id);
    expect(paused.status).toBe("queued");
    expect(paused.checkpointStep).toBeGreaterThanOrEqual(3);
    expect(paused.step).toBeGreaterThanOrEqual(paused.checkpointStep as number);
    const second = startWorker();
    await second.ready;
    const done = await waitFor(run.id, (r) => r.status === "succeeded" || r.status === "failed", 60_000);
    expect(done.error).toBeNull();
    expect(done.step).toBe(done.totalSteps);
    second.child.kill("SIGTERM");
    await second.exited;
  }, 90_000);
});
