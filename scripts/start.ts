/**
 * `npm start` (and `npm run dev` with --dev): runs the whole product from one command.
 * Ctrl-C or SIGTERM stops every part cleanly; a second start reuses the data in .data/.
 */
import { z } from "zod";
import { loadEnvFile } from "./lib/env-file";
import { startStack } from "./lib/stack";

loadEnvFile();

const env = z
  .object({
    DATA_DIR: z.string().default(".data"),
    PORT: z.coerce.number().int().positive().default(3000),
    WORKERS: z.coerce.number().int().min(0).max(32).default(1),
    INFERENCE_PORT: z.coerce.number().int().positive().default(8600),
    CHAIN_ID: z.coerce.number().int().positive().default(31337),
    DATABASE_URL: z.string().optional(),
    RPC_URL: z.string().optional(),
    EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54320),
    ANVIL_PORT: z.coerce.number().int().positive().default(8545),
    NEXT_DIST_DIR: z.string().default(".next"),
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));

const log = (line: string) => process.stdout.write(`${line}\n`);
const mode = process.argv.includes("--dev") ? "dev" : "start";

let stopRequested = false;
// Ctrl-C while starting: abort the start, which stops whatever already runs.
const startAbort = new AbortController();
const abortStart = () => startAbort.abort(new Error("interrupted while starting"));
process.on("SIGINT", abortStart);
process.on("SIGTERM", abortStart);
try {
  const stack = await startStack({
    mode,
    dataDir: env.DATA_DIR,
    port: env.PORT,
    workers: env.WORKERS,
    inferencePort: env.INFERENCE_PORT,
    chainId: env.CHAIN_ID,
    databaseUrl: env.DATABASE_URL,
    pgPort: env.EMBEDDED_PG_PORT,
    rpcUrl: env.RPC_URL,
    anvilPort: env.ANVIL_PORT,
    distDir: env.NEXT_DIST_DIR,
    log,
    signal: startAbort.signal,
  });
  process.off("SIGINT", abortStart);
  process.off("SIGTERM", abortStart);
  log(
    ["", "ModelFactory is running:", ...stack.summary.map((line) => `  ${line}`), "Press Ctrl-C to stop.", ""].join(
      "\n",
    ),
  );

  const shutdown = (reason: string, code: number) => {
    if (stopRequested) return;
    stopRequested = true;
    log(`\n${reason}: stopping…`);
    void stack.stop().then(() => {
      log("stopped.");
      process.exit(code);
    });
  };
  process.on("SIGINT", () => shutdown("SIGINT", 0));
  process.on("SIGTERM", () => shutdown("SIGTERM", 0));
  void stack.failure.then((reason) => shutdown(reason, 1));
  // A Ctrl-C that landed in the last step of the start (after the abort checks) still stops everything.
  if (startAbort.signal.aborted) shutdown("interrupted while starting", 0);
} catch (error) {
  log(`\nModelFactory could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
