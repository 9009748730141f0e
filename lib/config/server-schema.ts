import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();

/** Every variable the server side reads; .env.example documents each one. */
export const serverConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }),
  RPC_URL: z.url({ error: "RPC_URL must be an http(s) URL of an EVM JSON-RPC endpoint" }),
  CHAIN_ID: positiveInt.default(31337),
  PORT: positiveInt.default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_TTL_HOURS: positiveInt.default(24 * 7),
  SIWE_NONCE_TTL_SECONDS: positiveInt.default(600),
  /** Host names (host[:port]) a SIWE message may name as its domain; empty means the request's own host. */
  SIWE_ALLOWED_DOMAINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  WORKER_HEARTBEAT_SECONDS: positiveInt.default(5),
  /** Where the app keeps its files (training checkpoints and adapters under runs/<runId>/). */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Training runs one trainer worker process trains at once. */
  TRAINER_CONCURRENCY: positiveInt.max(16).default(1),
  /** A running run whose worker has not written its heartbeat for this long is queued again and resumed. */
  TRAINER_STALE_SECONDS: positiveInt.default(15),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;

/** Parses an environment, throwing one readable error that lists every bad variable. */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = serverConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid server configuration:\n${problems.join("\n")}\nSee .env.example.`);
  }
  return parsed.data;
}
