import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { isProcessAlive, waitForExit } from "./processes";

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Folder for <name>.log (every line) and <name>.pid (to clean up after a killed run). */
  logDir: string;
  runDir: string;
  /** Decides what of a line reaches the console; null keeps it in the log file only. */
  echo: (line: string) => string | null;
  /** Run as another user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A child process in its own process group with its output prefixed on the console and kept
 * in a log file. Its pid file lets the next start stop it if this orchestrator was killed.
 */
export class ManagedProcess {
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;
  private readonly pidFile: string;
  stopping = false;

  constructor(readonly options: ManagedProcessOptions) {
    mkdirSync(options.logDir, { recursive: true });
    mkdirSync(options.runDir, { recursive: true });
    const logFile = createWriteStream(path.join(options.logDir, `${options.name}.log`), { flags: "a" });
    this.child = spawn(options.command, options.args, {
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    });
    this.pidFile = path.join(options.runDir, `${options.name}.pid`);
    if (this.child.pid) {
      writeFileSync(this.pidFile, JSON.stringify({ pid: this.child.pid, startTime: processStartTime(this.child.pid) }));
    }
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on("line", (line) => {
        logFile.write(`${line}\n`);
        const shown = options.echo(line);
        if (shown !== null) process.stdout.write(`${prefix(options.name)} ${shown}\n`);
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        rmSync(this.pidFile, { force: true });
        logFile.end();
        resolve({ code, signal });
      });
      this.child.on("error", (error) => {
        process.stdout.write(`${prefix(options.name)} failed to start: ${error.message}\n`);
        resolve({ code: 1, signal: null });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Signals the whole process group, then kills it if it has not exited within the timeout. */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 15_000): Promise<ExitInfo> {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      signalGroup(this.child.pid, signal);
      const timer = setTimeout(() => signalGroup(this.child.pid, "SIGKILL"), timeoutMs);
      const info = await this.exited;
      clearTimeout(timer);
      return info;
    }
    return this.exited;
  }
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

const colours = [36, 35, 33, 32, 34, 91, 92, 93];
const prefix = (name: string) => {
  const colour = colours[[...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % colours.length];
  return process.stdout.isTTY ? `\x1b[${colour}m[${name}]\x1b[0m` : `[${name}]`;
};

// Users of a service go first; the chain and the database (which want SIGINT to shut down
// cleanly: anvil writes its state, PostgreSQL does a fast shutdown) go last.
const orphanOrder = (name: string) => (name === "postgres" ? 2 : name === "chain" ? 1 : 0);
const orphanSignal = (name: string): NodeJS.Signals => (orphanOrder(name) > 0 ? "SIGINT" : "SIGTERM");

/** Stops processes a killed earlier run left behind (their pid files are still there). */
export async function stopOrphans(runDir: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(runDir)) return;
  const names = readdirSync(runDir)
    .filter((file) => file.endsWith(".pid"))
    .map((file) => file.replace(/\.pid$/, ""))
    .sort((a, b) => orphanOrder(a) - orphanOrder(b));
  for (const name of names) {
    const pidPath = path.join(runDir, `${name}.pid`);
    try {
      const { pid, startTime } = JSON.parse(readFileSync(pidPath, "utf8")) as { pid: number; startTime?: string };
      // Same pid and same start time: it is our process, not a new one that reused the pid.
      if (isProcessAlive(pid) && processStartTime(pid) === startTime) {
        log(`stopping ${name} (pid ${pid}) left running by an earlier run`);
        signalGroup(pid, orphanSignal(name));
        if (!(await waitForExit(pid, 15_000))) signalGroup(pid, "SIGKILL");
      }
    } catch {
      // An unreadable pid file is stale; drop it.
    }
    rmSync(pidPath, { force: true });
  }
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat); undefined without /proc. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: count fields after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}
