import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { FullConfig } from "@playwright/test";
import { fallbackDataDir } from "../scripts/lib/embedded-postgres";
import { stopOrphans } from "../scripts/lib/managed-process";
import { isProcessAlive, waitForExit } from "../scripts/lib/processes";
import {
  E2E_ANVIL_PORT,
  E2E_CHAIN_ID,
  E2E_DATA_DIR,
  E2E_DIST_DIR,
  E2E_INFERENCE_PORT,
  E2E_PG_PORT,
  E2E_PORT,
} from "./env";
import { acquireRunLock, releaseRunLock } from "./run-lock";
import {
  ARTIFACTS_DIR,
  commandLineOf,
  DATA_DIR,
  forgetStack,
  ROOT,
  RUN_DIR,
  recordedStackPid,
  rememberStack,
  STACK_LOG,
  type StartedStack,
} from "./stack-process";

const READY_LINE = "ModelFactory is running";
// The first run builds Next into .next-test: a minute or two on 2 cores.
const START_TIMEOUT_MS = 6 * 60_000;

/**
 * Starts the real product the way a user does (`npm start`'s orchestrator) on ports of its own,
 * with a fresh data folder, and waits until it says it is running.
 */
export default async function globalSetup(_config: FullConfig): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await acquireRunLock((line) => process.stdout.write(`[stack] ${line}\n`));
  await stopLeftovers();
  rmSync(DATA_DIR, { recursive: true, force: true });
  // As root with a checkout the postgres user cannot enter, the cluster lives outside the data
  // folder (scripts/lib/embedded-postgres.ts, reachableDataDir): start that one clean too.
  rmSync(fallbackDataDir(path.join(DATA_DIR, "postgres")), { recursive: true, force: true });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: E2E_DATA_DIR,
    PORT: String(E2E_PORT),
    EMBEDDED_PG_PORT: String(E2E_PG_PORT),
    ANVIL_PORT: String(E2E_ANVIL_PORT),
    INFERENCE_PORT: String(E2E_INFERENCE_PORT),
    NEXT_DIST_DIR: E2E_DIST_DIR,
    WORKERS: "1",
    CHAIN_ID: String(E2E_CHAIN_ID),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The product must bring up its own database and chain, whatever the developer's shell says.
  delete env.DATABASE_URL;
  delete env.RPC_URL;
  delete env.PUBLIC_RPC_URL;
  delete env.NODE_OPTIONS;

  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  const log = createWriteStream(STACK_LOG);
  const lines: string[] = [];
  let ready = false;
  let echo = true;
  let onReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  for (const stream of [child.stdout, child.stderr]) {
    // Keep reading for the whole run (a full pipe would block the orchestrator), into the log file.
    createInterface({ input: stream }).on("line", (line) => {
      log.write(`${line}\n`);
      lines.push(line);
      if (lines.length > 200) lines.shift();
      // Echo the start-up (with the summary that follows READY_LINE); after that, the log file only.
      if (echo) process.stdout.write(`[stack] ${line}\n`);
      if (line.includes("Press Ctrl-C")) echo = false;
      if (!ready && line.includes(READY_LINE)) {
        ready = true;
        onReady();
      }
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
    child.on("error", (error) => {
      lines.push(`failed to spawn the orchestrator: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
  });
  const stack: StartedStack = {
    child,
    exited,
    tail: (count) => lines.slice(-count).join("\n"),
  };
  rememberStack(stack);

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    readyPromise.then(() => "ready" as const),
    exited.then((info) => `exited (code ${info.code ?? info.signal})`),
    new Promise<string>((resolve) => {
      timer = setTimeout(
        () => resolve(`did not print "${READY_LINE}" within ${START_TIMEOUT_MS / 60_000} minutes`),
        START_TIMEOUT_MS,
      );
    }),
  ]);
  clearTimeout(timer);

  if (outcome !== "ready") {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      const stopped = await Promise.race([exited.then(() => true), sleep(60_000).then(() => false)]);
      if (!stopped) child.kill("SIGKILL");
    }
    forgetStack();
    await stopOrphans(RUN_DIR, () => {});
    releaseRunLock();
    throw new Error(
      `The product (node --import tsx scripts/start.ts) ${outcome}. Last 50 lines of its output (all of it in ${path.relative(ROOT, STACK_LOG)}):\n${stack.tail(50)}`,
    );
  }
  process.stdout.write(`[stack] ready in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

/** Stops what an earlier, killed run left behind, so the ports and the data folder are free. */
async function stopLeftovers(): Promise<void> {
  const candidates = new Set<number>();
  const recorded = recordedStackPid();
  if (recorded) candidates.add(recorded);
  const lock = path.join(RUN_DIR, "orchestrator.lock");
  if (existsSync(lock)) {
    const pid = Number.parseInt(readFileSync(lock, "utf8"), 10);
    if (Number.isInteger(pid) && pid > 0) candidates.add(pid);
  }
  for (const pid of candidates) {
    if (pid === process.pid || !isProcessAlive(pid) || !commandLineOf(pid).includes("scripts/start.ts")) continue;
    process.stdout.write(`[stack] stopping an orchestrator left running by an earlier e2e run (pid ${pid})\n`);
    process.kill(pid, "SIGINT");
    if (!(await waitForExit(pid, 60_000))) process.kill(pid, "SIGKILL");
  }
  forgetStack();
  if (existsSync(RUN_DIR) && readdirSync(RUN_DIR).some((file) => file.endsWith(".pid"))) {
    await stopOrphans(RUN_DIR, (line) => process.stdout.write(`[stack] ${line}\n`));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
