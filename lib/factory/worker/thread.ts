import { Worker } from "node:worker_threads";
import type { MainMessage, ThreadInput, ThreadMessage } from "./protocol";

/**
 * Starts the training thread of a run. The thread's entry is TypeScript: under tsx (how `npm start` runs
 * workers) a worker thread does not inherit the loader, and `execArgv: ["--import", "tsx"]` loads the entry
 * before the loader is ready on Node 20; so the thread first registers tsx's loader, then imports the entry.
 */
export function startTrainThread(input: ThreadInput, listener: (message: ThreadMessage) => void): TrainThread {
  const entry = new URL("./train-thread.ts", import.meta.url).href;
  // The ESM entry of tsx's API (the CommonJS one cannot be imported); a bare name resolves from the cwd.
  const tsx = typeof import.meta.resolve === "function" ? import.meta.resolve("tsx/esm/api") : "tsx/esm/api";
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(code, { eval: true, workerData: input });
  return new TrainThread(worker, listener);
}

/** A running training thread: its messages, until it reports done or error, or dies. */
export class TrainThread {
  private ended = false;
  readonly finished: Promise<void>;

  constructor(
    private readonly worker: Worker,
    private readonly listener: (message: ThreadMessage) => void,
  ) {
    this.finished = new Promise<void>((resolve) => {
      worker.on("message", (message: ThreadMessage) => {
        if (this.ended) return;
        if (message.type === "done" || message.type === "error") this.ended = true;
        this.listener(message);
        if (this.ended) {
          void worker.terminate();
          resolve();
        }
      });
      worker.on("error", (error) => {
        if (this.ended) return;
        this.ended = true;
        this.listener({ type: "error", message: `The training thread crashed: ${error.message}` });
        resolve();
      });
      worker.on("exit", (code) => {
        if (this.ended) return;
        this.ended = true;
        this.listener({ type: "error", message: `The training thread stopped unexpectedly (exit code ${code}).` });
        resolve();
      });
    });
  }

  abort(reason: MainMessage["reason"]): void {
    if (!this.ended) this.worker.postMessage({ type: "abort", reason } satisfies MainMessage);
  }

  /** Stops the thread at once (its last checkpoint stays on disk). */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }
}
