/**
 * Applies pending migrations from prisma/migrations to DATABASE_URL, or shows where it stands:
 *   npx tsx scripts/db/migrate.ts [--status] [--dir prisma/migrations]
 * DATABASE_URL comes from the environment, else from .env.local or .env in the working directory
 * (the files Next.js reads; the environment wins).
 */
import { existsSync } from "node:fs";
import { MigrationError } from "../../lib/db/migrations/errors";
import { applyMigrations } from "../../lib/db/migrations/runner";
import { listMigrationStatus } from "../../lib/db/migrations/status";
import { parseArgsOrUsage } from "./lib/cli-args";

const USAGE = "Usage: npm run db:migrate -- [--status] [--dir prisma/migrations]";

async function main(): Promise<void> {
  const { values } = parseArgsOrUsage(
    {
      options: {
        status: { type: "boolean", default: false },
        dir: { type: "string", default: "prisma/migrations" },
        help: { type: "boolean", short: "h", default: false },
      },
    },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new MigrationError(
      "DATABASE_URL is not set. Set it to the PostgreSQL database to migrate, e.g.\n" +
        "  DATABASE_URL=postgresql://user:password@localhost:5432/modelfactory npm run db:migrate",
    );
  }

  if (values.status) return printStatus(databaseUrl, values.dir);
  const { applied } = await applyMigrations(databaseUrl, {
    migrationsDir: values.dir,
    log: console.log,
  });
  if (applied.length > 0) console.log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}.`);
}

async function printStatus(databaseUrl: string, migrationsDir: string): Promise<void> {
  const status = await listMigrationStatus(databaseUrl, { migrationsDir });
  const flags = new Map<string, string>([
    ...status.edited.map((name) => [name, "  EDITED since it was applied"] as const),
    ...status.missing.map((name) => [name, "  MISSING from disk"] as const),
  ]);
  for (const row of status.applied) {
    console.log(`applied  ${row.name}  ${row.appliedAt.toISOString()}${flags.get(row.name) ?? ""}`);
  }
  for (const name of status.pending) console.log(`pending  ${name}`);
  console.log(`${status.applied.length} applied, ${status.pending.length} pending.`);
  if (flags.size > 0) {
    console.log("npm run db:migrate refuses to run until the flagged migrations are fixed.");
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  // MigrationError messages say all there is to say; anything else is a bug worth its stack.
  const text = error instanceof MigrationError ? error.message : error instanceof Error ? error.stack : String(error);
  console.error(`error: ${text}`);
  process.exitCode = 1;
});
