import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import { applyMigrations } from "@/lib/db/migrations/runner";
import { runHealthCheckRoundTrip } from "@/lib/jobs/health-check";
import { startQueue } from "@/lib/jobs/queue";
import { readChainId, startAnvil } from "./anvil";
import { deployContractsIfPresent } from "./contracts";
import { seedDemoData } from "./demo-data";
import { type RunningPostgres, startEmbeddedPostgres } from "./embedded-postgres";
import { anvilEcho, formatPinoLine, postgresEcho } from "./log-format";
import { ManagedProcess, stopOrphans } from "./managed-process";
import { assertPortFree } from "./ports";
import { isProcessAlive } from "./processes";
import { buildIfNeeded, nextCommand } from "./web-app";

export interface StackOptions {
  mode: "start" | "dev";
  dataDir: string;
  port: number;
  workers: number;
  /** The inference server's port (localhost only; the web app reaches it there). */
  inferencePort: number;
  chainId: number;
  /** An external PostgreSQL; when absent the embedded one runs on pgPort. */
  databaseUrl?: string | undefined;
  pgPort: number;
  /** An external chain; when absent anvil runs on anvilPort. */
  rpcUrl?: string | undefined;
  anvilPort: number;
  distDir: string;
  log: (line: string) => void;
  /** Aborting (Ctrl-C during start) stops what has started and rejects. */
  signal?: AbortSignal;
}

export interface RunningStack {
  webUrl: string;
  databaseUrl: string;
  rpcUrl: string;
  summary: string[];
  /** Resolves with a reason if a process the product cannot run without dies. */
  failure: Promise<string>;
  stop(): Promise<void>;
}

const tsxArgs = ["--import", "tsx"];

/**
 * Starts the whole product in order — database, migrations, chain, contracts, queue, workers,
 * web app — waits until /api/health is green, and stops everything in reverse order.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { log } = options;
  const dataDir = path.resolve(options.dataDir);
  const logDir = path.join(dataDir, "logs");
  const runDir = path.join(dataDir, "run");
  mkdirSync(runDir, { recursive: true });
  claimDataDir(runDir);
  await stopOrphans(runDir, log);
  // Checked up front so a taken port fails in a second, not after the database and a build.
  await assertPortFree(options.port, "the web app", "PORT");
  await assertPortFree(options.inferencePort, "the inference server", "INFERENCE_PORT");

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => log(`while stopping: ${String(error)}`));
    stops.length = 0;
    rmSync(path.join(runDir, "orchestrator.lock"), { force: true });
  };
  let reportFailure: (reason: string) => void = () => {};
  const failure = new Promise<string>((resolve) => {
    reportFailure = resolve;
  });
  const summary: string[] = [];

  try {
    // 1. Database
    let databaseUrl = options.databaseUrl;
    if (databaseUrl) {
      summary.push(`database   external PostgreSQL (DATABASE_URL)`);
    } else {
      const postgres: RunningPostgres = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, "postgres"),
        port: options.pgPort,
        database: "modelfactory",
        logDir,
        runDir,
        echo: postgresEcho,
      });
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
      summary.push(`database   embedded PostgreSQL on 127.0.0.1:${options.pgPort} (data in ${rel(postgres.dataDir)})`);
    }

    options.signal?.throwIfAborted();
    // 2. Migrations
    const { applied } = await applyMigrations(databaseUrl, { log: (line) => log(`[db] ${line}`) });
    log(`[db] migrations: ${applied.length === 0 ? "up to date" : `applied ${applied.join(", ")}`}`);

    options.signal?.throwIfAborted();
    // 3. Chain
    let rpcUrl = options.rpcUrl;
    if (rpcUrl) {
      const chainId = await readChainId(rpcUrl, 10_000);
      if (chainId === undefined) throw new Error(`No EVM chain answers at RPC_URL=${rpcUrl}.`);
      if (chainId !== options.chainId) {
        throw new Error(
          `RPC_URL answers chain id ${chainId} but CHAIN_ID is ${options.chainId}. Set CHAIN_ID=${chainId}.`,
        );
      }
      summary.push(`chain      external chain ${chainId} at ${rpcUrl}`);
    } else {
      const anvil = await startAnvil({
        dataDir: path.join(dataDir, "anvil"),
        port: options.anvilPort,
        chainId: options.chainId,
        logDir,
        runDir,
        echo: anvilEcho,
      });
      // SIGINT makes anvil write its state file before it exits.
      stops.push(async () => void (await anvil.process.stop("SIGINT", 10_000)));
      watch(anvil.process, "the local chain (anvil)", reportFailure);
      rpcUrl = anvil.url;
      summary.push(`chain      anvil, chain id ${options.chainId}, ${rpcUrl} (state in ${rel(dataDir)}/anvil)`);
    }

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      RPC_URL: rpcUrl,
      CHAIN_ID: String(options.chainId),
      PORT: String(options.port),
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: options.distDir,
      DATA_DIR: dataDir,
      INFERENCE_PORT: String(options.inferencePort),
      INFERENCE_URL: `http://127.0.0.1:${options.inferencePort}`,
    };

    options.signal?.throwIfAborted();
    // 4. Contracts
    const contracts = await deployContractsIfPresent(childEnv, (line) => log(`[contracts] ${line}`));
    summary.push(`contracts  ${contracts}`);

    options.signal?.throwIfAborted();
    // 4b. Demo Datanets on an empty database of the local chain
    summary.push(`demo data  ${await seedDemoData(childEnv, (line) => log(`[demo] ${line}`))}`);

    options.signal?.throwIfAborted();
    // 5. Queue (creates pg-boss's schema and queues before anything uses them)
    const boss: PgBoss = await startQueue({ databaseUrl, onError: (error) => log(`[queue] ${error.message}`) });
    stops.push(() => boss.stop({ graceful: false, wait: true, timeout: 5_000 }));

    options.signal?.throwIfAborted();
    // 6. Workers
    for (let index = 1; index <= options.workers; index++) {
      const stopWorker = superviseWorker(`trainer-${index}`, "workers/trainer.ts", childEnv, logDir, runDir, log);
      stops.push(stopWorker);
    }
    // The inference server: generation for the playground runs in a process of its own.
    stops.push(superviseWorker("inference", "workers/inference.ts", childEnv, logDir, runDir, log));

    options.signal?.throwIfAborted();
    // 7. Web app
    if (options.mode === "start") {
      const result = await buildIfNeeded(options.distDir, { ...childEnv, NODE_ENV: "production" }, (line) =>
        log(`[web] ${line}`),
      );
      if (result === "up to date") log(`[web] build in ${options.distDir} is up to date`);
    }
    const web = new ManagedProcess({
      name: "web",
      command: process.execPath,
      args: [nextCommand.bin, options.mode === "start" ? "start" : "dev", "--port", String(options.port)],
      env: { ...childEnv, NODE_ENV: options.mode === "start" ? "production" : "development" },
      logDir,
      runDir,
      echo: formatPinoLine,
    });
    stops.push(async () => void (await web.stop("SIGTERM", 10_000)));
    watch(web, "the web app", reportFailure);

    const webUrl = `http://localhost:${options.port}`;
    await waitForHealthy(webUrl, web, 120_000, options.signal);
    const roundTrip = await runHealthCheckRoundTrip(boss, { requestedBy: "start", timeoutMs: 30_000 });
    summary.push(
      `workers    ${options.workers} trainer${options.workers === 1 ? "" : "s"} (health-check job answered in ${roundTrip.elapsedMs} ms)`,
    );
    summary.push(`inference  ${await waitForInference(childEnv.INFERENCE_URL as string, 60_000, options.signal)}`);
    summary.unshift(`web app    ${webUrl}${options.mode === "dev" ? " (next dev)" : ""}`);
    summary.push(`logs       ${rel(logDir)}/`);
    return { webUrl, databaseUrl, rpcUrl, summary, failure, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Only one orchestrator per data folder: a second `npm start` is told who holds it. */
function claimDataDir(runDir: string): void {
  const lock = path.join(runDir, "orchestrator.lock");
  if (existsSync(lock)) {
    const pid = Number.parseInt(readFileSync(lock, "utf8"), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isProcessAlive(pid)) {
      throw new Error(`ModelFactory is already running from this data folder (pid ${pid}). Stop it first.`);
    }
  }
  writeFileSync(lock, String(process.pid));
}

function watch(child: ManagedProcess, what: string, reportFailure: (reason: string) => void): void {
  void child.exited.then((info) => {
    if (!child.stopping) reportFailure(`${what} exited unexpectedly (code ${info.code ?? info.signal})`);
  });
}

/** Runs a worker and restarts it with backoff if it dies; returns its stop function. */
function superviseWorker(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  runDir: string,
  log: (line: string) => void,
): () => Promise<void> {
  let current: ManagedProcess | undefined;
  let stopped = false;
  let backoffMs = 1_000;
  const launch = () => {
    const started = Date.now();
    const worker = new ManagedProcess({
      name,
      command: process.execPath,
      args: [...tsxArgs, script],
      env: { ...env, SERVICE_NAME: name },
      logDir,
      runDir,
      echo: formatPinoLine,
    });
    current = worker;
    void worker.exited.then(async (info) => {
      if (stopped || worker.stopping) return;
      backoffMs = Date.now() - started > 60_000 ? 1_000 : Math.min(backoffMs * 2, 30_000);
      log(`[${name}] exited (code ${info.code ?? info.signal}); restarting in ${backoffMs / 1000} s`);
      await sleep(backoffMs);
      if (!stopped) launch();
    });
  };
  launch();
  return async () => {
    stopped = true;
    // Workers finish their current step and release their jobs; give them time.
    await current?.stop("SIGTERM", 35_000);
  };
}

/** Waits for the inference server's /health; says where it listens, or that it is still starting. */
async function waitForInference(url: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return `${url} (OpenAI-style /v1/completions, /v1/chat/completions)`;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  return `${url} still starting (see logs/inference.log)`;
}

async function waitForHealthy(
  webUrl: string,
  web: ManagedProcess,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      const response = await fetch(`${webUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      const body = await response.text();
      if (response.status === 200) return;
      last = `${response.status} ${body}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    const exited = await Promise.race([web.exited, sleep(500).then(() => null)]);
    if (exited) throw new Error(`the web app exited during start (code ${exited.code}); see .data/logs/web.log`);
  }
  throw new Error(`/api/health was not green within ${timeoutMs / 1000} s: ${last}`);
}

/** A path as the user would type it: relative inside the project, absolute outside it. */
const rel = (p: string) => {
  const relative = path.relative(process.cwd(), p);
  return relative.startsWith("..") ? p : relative || ".";
};
