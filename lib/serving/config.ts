import path from "node:path";
import { z } from "zod";

const schema = z.object({
  /** Where the inference server listens; only this machine's web app talks to it. */
  INFERENCE_HOST: z.string().min(1).default("127.0.0.1"),
  INFERENCE_PORT: z.coerce.number().int().min(1).max(65_535).default(8600),
  /** The app's data folder: adapters are read from its runs/ folder only. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Adapters kept loaded (least recently used ones are dropped). */
  INFERENCE_MAX_ADAPTERS: z.coerce.number().int().min(1).max(1024).default(16),
});

export interface ServingConfig {
  host: string;
  port: number;
  adapterRoot: string;
  /** Imported base-model checkpoints (local/<name>): DATA_DIR/checkpoints. */
  checkpointsRoot: string;
  maxAdapters: number;
}

/** The inference server's settings from the environment (empty values count as unset). */
export function servingConfig(env: Readonly<Record<string, string | undefined>> = process.env): ServingConfig {
  const parsed = schema.parse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  return {
    host: parsed.INFERENCE_HOST,
    port: parsed.INFERENCE_PORT,
    adapterRoot: path.resolve(parsed.DATA_DIR, "runs"),
    checkpointsRoot: path.resolve(parsed.DATA_DIR, "checkpoints"),
    maxAdapters: parsed.INFERENCE_MAX_ADAPTERS,
  };
}

/** The URL the web app reaches the inference server at. */
export function inferenceUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.INFERENCE_URL) return env.INFERENCE_URL.replace(/\/$/, "");
  const { host, port } = servingConfig(env);
  return `http://${host}:${port}`;
}
