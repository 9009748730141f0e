/**
 * The messages between a trainer worker's main thread (database, queue) and the worker thread that trains
 * one run with lib/ml (train-thread.ts). Everything is plain data (structured clone).
 */
import type { RunConfig } from "../config";
import type { RunEvaluation } from "../evaluation";

/** One training example as the database gave it, already split (see data.ts). */
export type RunRows =
  | { task: "causal_lm"; train: string[]; validation: string[] }
  | {
      task: "instruction";
      train: { prompt: string; completion: string }[];
      validation: { prompt: string; completion: string }[];
    }
  | {
      task: "classification";
      labels: string[];
      train: { text: string; label: number }[];
      validation: { text: string; label: number }[];
    };

/** workerData of the thread. */
export interface ThreadInput {
  runId: string;
  config: RunConfig;
  rows: RunRows;
  /** Where checkpoints go (written atomically: temp file + rename). */
  checkpointPath: string;
  /** Where the trained adapter goes when the run completes. */
  adapterPath: string;
  /** Resume from this checkpoint file when set (and present). */
  resumeFrom: string | null;
}

/** Thread → main. */
export type ThreadMessage =
  | { type: "ready"; backend: string; totalSteps: number; trainExamples: number; resumedFrom: number | null }
  | {
      type: "step";
      step: number;
      totalSteps: number;
      epoch: number;
      loss: number;
      tokensPerSecond: number;
      elapsedMs: number;
    }
  | { type: "eval"; step: number; valLoss: number; accuracy?: number }
  | { type: "checkpoint"; step: number; path: string }
  | {
      type: "done";
      status: "completed" | "cancelled" | "early-stopped";
      steps: number;
      finalLoss: number | null;
      valLoss: number | null;
      adapterPath: string | null;
      /** Base against fine-tuned on the held-out rows (null when cancelled or nothing was held out). */
      evaluation: RunEvaluation | null;
      /** Peak resident memory of the trainer process over the run's steps and evaluation, in MiB. */
      peakMemoryMiB: number;
    }
  | { type: "error"; message: string };

/** Main → thread: stop between steps (the loop checkpoints before it returns). */
export type MainMessage = { type: "abort"; reason: "cancel" | "shutdown" | "lost" };
