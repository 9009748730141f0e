/**
 * `npm run bench:factory [-- --json]`: ModelFactory's figures on this machine, with a real trainer worker
 * process on its own embedded PostgreSQL (port 54334, data in .data/bench-factory):
 *   - the wizard's time estimate for the Quick preset against the real run (goal: within ±30 %): a first
 *     Quick run measures the trainer's throughput, then a second Quick run (another seed) is estimated from it
 *     exactly as POST /api/training-runs/estimate does, and timed;
 *   - launch → first training step with an idle worker (goal ≤ 5 s), for both runs;
 *   - progress → UI: how old the progress is when the run page, polling every 1.5 s, reads it (goal ≤ 2 s).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/runner";
import { parseRunConfig } from "../../lib/factory/config";
import { estimateRun } from "../../lib/factory/estimate";
import { getRun, launchRun } from "../../lib/factory/runs";
import { startQueue } from "../../lib/jobs/queue";
import { dropDatabase, startEmbeddedPostgres } from "../lib/embedded-postgres";
import { printTable } from "./common";
import { seedCweVersion } from "./factory/seed";

const { values: args } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const data = path.join(root, ".data", "bench-factory");
const say = (line: string) => {
  if (!args.json) console.log(line);
};
/** How often the run page polls a live run (components/factory/run-detail.tsx). */
const UI_POLL_MS = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Timed {
  runId: string;
  launchToFirstStepMs: number;
  runSeconds: number;
  steps: number;
  tokensPerSecond: number;
  peakMemoryMiB: number | null;
  progressAgesMs: number[];
  readMs: number[];
}

/** Launches a Quick run and follows it: when step 1 appears (50 ms polls), and what a 1.5 s poller sees. */
async function timedRun(
  db: Db,
  queue: Awaited<ReturnType<typeof startQueue>>,
  userId: string,
  datanetId: string,
  seed: number,
): Promise<Timed> {
  const config = parseRunConfig({ preset: "quick", data: { versions: [{ datanetId, version: 1 }] }, method: { seed } });
  const launched = performance.now();
  const run = await launchRun({ db, queue }, userId, config);
  let firstStep: number | null = null;
  const ages: number[] = [];
  const reads: number[] = [];
  let lastSeenStep = 0;
  let nextUiPoll = performance.now() + UI_POLL_MS;
  for (;;) {
    const row = await db.trainingRun.findUniqueOrThrow({
      where: { id: run.id },
      select: { status: true, step: true, heartbeatAt: true },
    });
    if (firstStep === null && row.step >= 1) firstStep = performance.now() - launched;
    if (performance.now() >= nextUiPoll) {
      nextUiPoll += UI_POLL_MS;
      // What the run page gets: the run as GET /api/training-runs/:id returns it, and how old its progress is.
      const readStarted = performance.now();
      const seen = await getRun(db, userId, run.id, { metricsAfterStep: lastSeenStep });
      reads.push(performance.now() - readStarted);
      if (seen.status === "running" && row.heartbeatAt) ages.push(Date.now() - row.heartbeatAt.getTime());
      lastSeenStep = seen.progress.step;
    }
    if (row.status === "succeeded" || row.status === "failed" || row.status === "cancelled") break;
    await sleep(50);
  }
  const done = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
  if (done.status !== "succeeded") throw new Error(`the benchmark run ${done.status}: ${done.error ?? ""}`);
  return {
    runId: run.id,
    launchToFirstStepMs: Math.round(firstStep ?? Number.NaN),
    runSeconds: ((done.finishedAt as Date).getTime() - (done.startedAt as Date).getTime()) / 1000,
    steps: done.step,
    tokensPerSecond: Math.round(done.tokensPerSecond ?? 0),
    peakMemoryMiB: done.peakMemoryMiB,
    progressAgesMs: ages,
    readMs: reads,
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function main() {
  const database = `mf_bench_factory_${Date.now().toString(36)}`;
  say("starting PostgreSQL for the benchmark…");
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(data, "postgres"),
    port: 54334,
    database,
    logDir: path.join(data, "logs"),
    runDir: path.join(data, "run"),
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), "mf-bench-factory-"));
  const db = createDb(postgres.url);
  const queue = await startQueue({ databaseUrl: postgres.url, pollingIntervalSeconds: 0.5 });
  let worker: ReturnType<typeof spawn> | undefined;
  try {
    await applyMigrations(postgres.url);
    const user = await db.user.create({ data: { address: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8" } });
    const { datanetId, rows } = await seedCweVersion(db, user.id);
    say(`seeded ${rows} CWE instruction pairs as a published version; starting a trainer worker…`);
    worker = spawn(process.execPath, ["--import", "tsx", path.join(root, "workers/trainer.ts")], {
      cwd: root,
      // The trainer never calls the chain, but the server configuration wants an RPC URL.
      env: { ...process.env, DATABASE_URL: postgres.url, RPC_URL: "http://127.0.0.1:8545", DATA_DIR: dataDir },
      stdio: ["ignore", "ignore", "inherit"],
    });
    let exited: number | null = null;
    worker.on("exit", (code) => {
      exited = code ?? -1;
    });
    for (let waited = 0; (await db.workerHeartbeat.count()) === 0; waited += 200) {
      if (exited !== null) throw new Error(`the trainer worker exited (code ${exited}) before it started`);
      if (waited > 60_000) throw new Error("the trainer worker did not start within a minute");
      await sleep(200);
    }
    await sleep(1_000); // idle: its queue polling is running

    say("Quick run 1 (measures the trainer's throughput)…");
    const first = await timedRun(db, queue, user.id, datanetId, 1);
    const second = parseRunConfig({
      preset: "quick",
      data: { versions: [{ datanetId, version: 1 }] },
      method: { seed: 2 },
    });
    const estimate = await estimateRun(db, user.id, second);
    if (!estimate) throw new Error("no estimate after a finished run");
    say("Quick run 2 (estimated from run 1, then timed)…");
    const timed = await timedRun(db, queue, user.id, datanetId, 2);
    const ratio = timed.runSeconds / estimate.seconds;
    const ages = [...first.progressAgesMs, ...timed.progressAgesMs];
    const reads = [...first.readMs, ...timed.readMs];
    // A write is on the page at the next poll: at worst one polling interval plus the read after it.
    const worstWriteToPageMs = Math.round(UI_POLL_MS + percentile(reads, 95));
    const result = {
      bench: "factory",
      estimateSeconds: estimate.seconds,
      actualSeconds: Math.round(timed.runSeconds * 10) / 10,
      actualOverEstimate: Math.round(ratio * 100) / 100,
      launchToFirstStepMs: [first.launchToFirstStepMs, timed.launchToFirstStepMs],
      progressAgeMs: {
        p50: percentile(ages, 50),
        p95: percentile(ages, 95),
        max: Math.max(...ages),
        samples: ages.length,
      },
      readMsP95: Math.round(percentile(reads, 95)),
      worstWriteToPageMs,
      steps: timed.steps,
      tokensPerSecond: [first.tokensPerSecond, timed.tokensPerSecond],
      memoryEstimateMiB: estimate.memoryMiB,
      peakMemoryMiB: [first.peakMemoryMiB, timed.peakMemoryMiB],
    };
    if (args.json) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log("");
    printTable(
      ["figure", "measured", "goal"],
      [
        [
          "Quick run: estimate",
          `${estimate.seconds} s (${estimate.totalSteps} steps at ${Math.round(estimate.tokensPerSecond)} tokens/s + ${estimate.overheadSeconds} s)`,
          "",
        ],
        ["Quick run: real (start → end)", `${result.actualSeconds} s`, ""],
        ["real ÷ estimate", result.actualOverEstimate.toFixed(2), "0.70 – 1.30"],
        [
          "memory: estimate, measured peak of the trainer (run 1, run 2)",
          `${result.memoryEstimateMiB} MiB; ${result.peakMemoryMiB.map((m) => `${m ?? "?"} MiB`).join(", ")}`,
          "",
        ],
        [
          "launch → first step (run 1, run 2)",
          result.launchToFirstStepMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", "),
          "≤ 5 s",
        ],
        [
          "progress age when the page reads it (p50 / p95 / max)",
          `${(result.progressAgeMs.p50 / 1000).toFixed(2)} / ${(result.progressAgeMs.p95 / 1000).toFixed(2)} / ${(result.progressAgeMs.max / 1000).toFixed(2)} s`,
          "",
        ],
        [
          "worker write → on the page, worst case (1.5 s poll + p95 read)",
          `${(worstWriteToPageMs / 1000).toFixed(2)} s (read p95 ${result.readMsP95} ms)`,
          "≤ 2 s",
        ],
      ],
    );
    console.log(`\n${result.steps} steps per Quick run; throughput ${result.tokensPerSecond.join(" and ")} tokens/s.`);
  } finally {
    worker?.kill("SIGTERM");
    await queue.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => {});
    await db.$disconnect();
    await dropDatabase(postgres.urlFor("postgres"), database).catch(() => {});
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
