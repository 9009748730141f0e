import path from "node:path";
import { withClient } from "./connect";
import { historyTableExists, readHistory } from "./history-table";
import { type AppliedMigration, planMigrations } from "./plan";
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from "./read";

/** Where a database stands relative to the migrations on disk. */
export interface MigrationStatus {
  /** Applied migrations, in name order. */
  applied: AppliedMigration[];
  /** Migrations on disk not applied yet, in the order they would be applied. */
  pending: string[];
  /** Applied migrations whose migration.sql changed since (applyMigrations refuses to run). */
  edited: string[];
  /** Applied migrations missing from disk (applyMigrations refuses to run). */
  missing: string[];
}

/** Reads the database's migration history without changing anything (no table is created). */
export async function listMigrationStatus(
  databaseUrl: string,
  options: { migrationsDir?: string } = {},
): Promise<MigrationStatus> {
  const onDisk = await readMigrations(path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR));
  const applied = await withClient(databaseUrl, async (client) =>
    (await historyTableExists(client)) ? readHistory(client) : [],
  );
  const plan = planMigrations(onDisk, applied);
  return {
    applied,
    pending: plan.pending.map((migration) => migration.name),
    edited: plan.edited,
    missing: plan.missing,
  };
}
