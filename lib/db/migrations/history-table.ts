import type pg from "pg";
import type { AppliedMigration } from "./plan";
import type { MigrationOnDisk } from "./read";

/**
 * The table recording applied migrations, in the connection's current schema. It is the
 * project's own (not Prisma's `_prisma_migrations`), since the project applies migrations itself.
 */
export const HISTORY_TABLE = "_modelfactory_migrations";

/** Creates the history table unless it exists. Call it while holding the migration lock. */
export async function ensureHistoryTable(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS "${HISTORY_TABLE}" (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      duration_ms integer NOT NULL
    )`);
}

/** True once the history table exists in the current schema (status must not create it). */
export async function historyTableExists(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [HISTORY_TABLE]);
  return result.rows[0]?.found === true;
}

/** Every applied migration, in name order. */
export async function readHistory(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const result = await client.query<{
    name: string;
    checksum: string;
    applied_at: Date;
  }>(`SELECT name, checksum, applied_at FROM "${HISTORY_TABLE}" ORDER BY name COLLATE "C"`);
  return result.rows.map((row) => ({
    name: row.name,
    checksum: row.checksum,
    appliedAt: row.applied_at,
  }));
}

/** Records a migration as applied; run it in the same transaction as the migration's SQL. */
export async function recordMigration(
  client: pg.ClientBase,
  migration: MigrationOnDisk,
  durationMs: number,
): Promise<void> {
  await client.query(`INSERT INTO "${HISTORY_TABLE}" (name, checksum, duration_ms) VALUES ($1, $2, $3)`, [
    migration.name,
    migration.checksum,
    Math.round(durationMs),
  ]);
}
