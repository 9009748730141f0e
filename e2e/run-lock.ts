import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { isProcessAlive } from "../scripts/lib/processes";
import { ROOT } from "./stack-process";

/** One e2e run at a time: runs share ports, the data folder and the build (.next-test). */
const LOCK = path.join(ROOT, ".data", "e2e-run.lock");
const WAIT_MS = 30 * 60_000;

const holder = (): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(LOCK, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Takes the e2e run lock for this Playwright process, waiting while another live run holds it (a
 * second run would otherwise stop the first one's product and wipe its data). A dead holder's lock is taken over.
 */
export async function acquireRunLock(log: (line: string) => void): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const started = Date.now();
  let lastNotice = 0;
  for (;;) {
    try {
      const fd = openSync(LOCK, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = holder();
    if (pid === process.pid) return;
    if (pid === undefined || !isProcessAlive(pid)) {
      rmSync(LOCK, { force: true });
      continue;
    }
    if (Date.now() - started > WAIT_MS) {
      throw new Error(
        `Another e2e run (pid ${pid}) has held ${path.relative(ROOT, LOCK)} for 30 minutes; stop it first.`,
      );
    }
    if (Date.now() - lastNotice > 30_000) {
      log(`waiting for another e2e run (pid ${pid}) to finish…`);
      lastNotice = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/** Gives the lock back if this process holds it. */
export function releaseRunLock(): void {
  if (holder() === process.pid) rmSync(LOCK, { force: true });
}
