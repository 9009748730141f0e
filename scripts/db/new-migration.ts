/**
 * Writes the next migration from the change to prisma/schema.prisma, offline:
 *   npx tsx scripts/db/new-migration.ts <name> [--empty] [--schema FILE] [--dir DIR]
 *
 * How: every migration folder keeps a snapshot of the schema it was generated from
 * (schema.prisma.snapshot). The new migration's SQL is the diff from the newest snapshot to the
 * current schema, computed by Prisma's schema engine (@prisma/schema-engine-wasm, `diff` with
 * `script: true`) between two datamodels, with no database. The result goes to
 * <dir>/<YYYYMMDDHHMMSS>_<name>/migration.sql in Prisma's layout, with the new snapshot beside it.
 * --empty writes a migration to fill in by hand (data changes); its snapshot repeats the previous one.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgsOrUsage } from "./lib/cli-args";
import {
  assertMigrationName,
  nextMigrationFolderName,
  readLockProvider,
  snapshotContent,
  writeLockFile,
  writeMigrationFolder,
} from "./lib/migration-folder";
import { readPreviousDatamodel } from "./lib/previous-datamodel";
import { diffDatamodels } from "./lib/schema-engine";

const USAGE =
  "Usage: npm run db:migration -- <name> [--empty] [--schema prisma/schema.prisma] [--dir prisma/migrations]";
const EMPTY_MIGRATION_SQL =
  "-- Hand-written migration: put the SQL here. It runs in one transaction; no BEGIN/COMMIT.\n";

async function main(): Promise<void> {
  const { values, positionals } = parseArgsOrUsage(
    {
      allowPositionals: true,
      options: {
        empty: { type: "boolean", default: false },
        schema: { type: "string", default: "prisma/schema.prisma" },
        dir: { type: "string", default: "prisma/migrations" },
        help: { type: "boolean", short: "h", default: false },
      },
    },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  if (positionals.length > 1) throw new Error(`Expected one migration name, got: ${positionals.join(" ")}\n${USAGE}`);
  const name = positionals[0];
  assertMigrationName(name);

  const migrationsDir = path.resolve(values.dir);
  const schemaPath = path.resolve(values.schema);
  const schema = await readFile(schemaPath, "utf8").catch(() => {
    throw new Error(`Cannot read the schema at ${schemaPath}.`);
  });
  const provider = await readLockProvider(migrationsDir);
  if (provider !== undefined && provider !== "postgresql") {
    throw new Error(
      `${path.join(migrationsDir, "migration_lock.toml")} names provider "${provider}", not "postgresql".`,
    );
  }

  const previous = await readPreviousDatamodel(migrationsDir);
  const sql = values.empty
    ? EMPTY_MIGRATION_SQL
    : await diffDatamodels(
        { path: displayPath(previous.path), content: previous.schema },
        { path: displayPath(schemaPath), content: schema },
      );
  if (sql === null) {
    const since = previous.newest ? `since ${previous.newest}` : "(the schema defines no tables yet)";
    console.log(`No schema changes ${since}: nothing written.`);
    return;
  }

  const folder = nextMigrationFolderName(name, new Date(), previous.newest);
  // An empty migration changes no schema, so its snapshot repeats the previous one.
  const snapshot = snapshotContent(values.empty ? previous.schema : schema, previous.newest);
  const dir = await writeMigrationFolder(migrationsDir, folder, sql, snapshot);
  await writeLockFile(migrationsDir);

  console.log(`Wrote ${displayPath(path.join(dir, "migration.sql"))}`);
  if (values.empty) return;
  const destructive = destructiveStatements(sql);
  if (destructive.length > 0) {
    console.log("Review: this migration can lose data:");
    for (const line of destructive) console.log(`  ${line}`);
  }
  console.log("Review the SQL, then commit it with the schema change; npm run db:migrate applies it.");
}

/** A path relative to the working directory when it lies inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/** Statements that drop or rewrite data, to point the reviewer at them. */
function destructiveStatements(sql: string): string[] {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .filter((line) =>
      /^DROP\b|\bDROP (COLUMN|CONSTRAINT)\b|\bALTER COLUMN .* (SET DATA )?TYPE\b|\bSET NOT NULL\b/i.test(line),
    );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // The engine's validation errors already start with "error: ".
  console.error(message.startsWith("error: ") ? message : `error: ${message}`);
  process.exitCode = 1;
});
