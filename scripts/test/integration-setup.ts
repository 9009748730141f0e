import { rmSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrations/runner";
import { startAnvil } from "../lib/anvil";
import { dropDatabase, startEmbeddedPostgres } from "../lib/embedded-postgres";

const root = path.resolve(import.meta.dirname, "..", "..");
const pgPort = Number(process.env.TEST_PG_PORT ?? 54331);
const anvilPort = Number(process.env.TEST_ANVIL_PORT ?? 8547);
// Runs on other ports get folders of their own: starting a cluster stops whatever runs in its folder, so two runs
// sharing one (say, two terminals with different TEST_PG_PORT) would stop each other's database.
const testData = path.join(root, ".data", "test", ...(process.env.TEST_PG_PORT ? [`port-${pgPort}`] : []));

/**
 * Starts a PostgreSQL cluster for tests (kept between runs, it is just a cache), creates a
 * throwaway database for this run, migrates it, and starts a fresh anvil. Torn down after.
 */
export default async function setup() {
  const database = `mf_it_${process.pid}_${Date.now().toString(36)}`;
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(testData, "postgres"),
    port: pgPort,
    database,
    logDir: path.join(testData, "logs"),
    runDir: path.join(testData, "run"),
  });
  await applyMigrations(postgres.url);
  rmSync(path.join(testData, "anvil"), { recursive: true, force: true });
  const anvil = await startAnvil({
    dataDir: path.join(testData, "anvil"),
    port: anvilPort,
    chainId: 31337,
    logDir: path.join(testData, "logs"),
    runDir: path.join(testData, "run"),
    echo: () => null,
  });

  process.env.DATABASE_URL = postgres.url;
  process.env.TEST_ADMIN_DATABASE_URL = postgres.urlFor("postgres");
  process.env.RPC_URL = anvil.url;
  process.env.CHAIN_ID = "31337";

  return async () => {
    await anvil.process.stop("SIGKILL");
    await dropDatabase(postgres.urlFor("postgres"), database);
    await postgres.stop();
  };
}
