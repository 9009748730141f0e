import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { E2E_DATA_DIR } from "./env";

/** The repository root (this file lives in e2e/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DATA_DIR = path.join(ROOT, E2E_DATA_DIR);
export const RUN_DIR = path.join(DATA_DIR, "run");
export const ARTIFACTS_DIR = path.join(ROOT, "e2e", ".artifacts");
/** Everything the orchestrator printed during this run. */
export const STACK_LOG = path.join(ARTIFACTS_DIR, "stack.log");
/** The orchestrator's pid, for the teardown (and for a later run if this one was killed). */
const STACK_PID_FILE = path.join(ARTIFACTS_DIR, "stack.pid");

export interface StartedStack {
  child: ChildProcess;
  /** Resolves when the orchestrator has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines of its output, for error messages. */
  tail: (lines: number) => string;
}

// Global setup and teardown run in the same runner process; the handle passes between them here.
const holder = globalThis as typeof globalThis & { __modelFactoryE2eStack?: StartedStack };

export function rememberStack(stack: StartedStack): void {
  holder.__modelFactoryE2eStack = stack;
  if (stack.child.pid) writeFileSync(STACK_PID_FILE, String(stack.child.pid));
}

export function rememberedStack(): StartedStack | undefined {
  return holder.__modelFactoryE2eStack;
}

/** The orchestrator pid an earlier run recorded, if any. */
export function recordedStackPid(): number | undefined {
  if (!existsSync(STACK_PID_FILE)) return undefined;
  const pid = Number.parseInt(readFileSync(STACK_PID_FILE, "utf8"), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function forgetStack(): void {
  holder.__modelFactoryE2eStack = undefined;
  rmSync(STACK_PID_FILE, { force: true });
}

/** Command line of a process (empty when it is gone), to avoid signalling a recycled pid. */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}
