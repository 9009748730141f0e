import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { stopOrphans } from "../scripts/lib/managed-process";
import { isProcessAlive, waitForExit } from "../scripts/lib/processes";
import { releaseRunLock } from "./run-lock";
import {
  commandLineOf,
  forgetStack,
  ROOT,
  RUN_DIR,
  recordedStackPid,
  rememberedStack,
  STACK_LOG,
} from "./stack-process";

const STOP_TIMEOUT_MS = 60_000;

/**
 * Stops the product the way a user does (Ctrl-C, i.e. SIGINT) and checks it cleaned up: it must
 * exit within a minute with status 0 and leave no pid files behind in the data folder's run/.
 */
export default async function globalTeardown(_config: FullConfig): Promise<void> {
  const stack = rememberedStack();
  const pid = stack?.child.pid ?? recordedStackPid();
  const problems: string[] = [];

  const started = Date.now();
  if (stack) {
    if (stack.child.exitCode === null && stack.child.signalCode === null) stack.child.kill("SIGINT");
    const info = await Promise.race([stack.exited, sleep(STOP_TIMEOUT_MS).then(() => null)]);
    if (!info) {
      stack.child.kill("SIGKILL");
      problems.push(`the orchestrator did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGINT (killed it)`);
    } else if (info.code !== 0) {
      problems.push(`the orchestrator exited with ${info.code ?? info.signal} after SIGINT, not 0`);
    }
  } else if (pid && isProcessAlive(pid) && commandLineOf(pid).includes("scripts/start.ts")) {
    process.kill(pid, "SIGINT");
    if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
      process.kill(pid, "SIGKILL");
      problems.push(`the orchestrator (pid ${pid}) did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGINT`);
    }
  }
  forgetStack();
  releaseRunLock();

  const leftovers = existsSync(RUN_DIR) ? readdirSync(RUN_DIR).filter((file) => file.endsWith(".pid")) : [];
  if (leftovers.length > 0) {
    problems.push(`pid files left in ${path.relative(ROOT, RUN_DIR)}: ${leftovers.join(", ")}`);
    // Do not leave the processes themselves running.
    await stopOrphans(RUN_DIR, () => {});
  }
  if (problems.length > 0) {
    const tail = stack
      ? `\nLast 50 lines of its output (all of it in ${path.relative(ROOT, STACK_LOG)}):\n${stack.tail(50)}`
      : "";
    throw new Error(`Stopping the product with Ctrl-C did not leave a clean state:\n- ${problems.join("\n- ")}${tail}`);
  }
  process.stdout.write(`[stack] stopped cleanly (SIGINT) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
