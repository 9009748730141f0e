import path from "node:path";
import type pg from "pg";
import { withClient } from "./connect";
import { describeMigrationFailure, MigrationError } from "./errors";
import { ensureHistoryTable, readHistory, recordMigration } from "./history-table";
import { withMigrationLock } from "./lock";
import { assertHistoryIntact, planMigrations } from "./plan";
import { DEFAULT_MIGRATIONS_DIR, type MigrationOnDisk, readMigrations } from "./read";

export interface ApplyMigrationsOptions {
  /** Folder of `<timestamp>_<name>/migration.sql`; defaults to prisma/migrations under the working directory. */
  migrationsDir?: string;
  /** Receives one line per step (what was applied, waiting for the lock, warnings). */
  log?: (line: string) => void;
}

/**
 * Applies the pending migrations to a database, in name order, each in a transaction together with
 * its record in the history table, under an advisory lock. Refuses (MigrationError, before applying
 * anything) when an applied migration was edited or is missing from disk; a failing migration is
 * rolled back whole and stops the run.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsDir = path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const log = options.log ?? (() => {});
  const onDisk = await readMigrations(migrationsDir);

  return withClient(databaseUrl, (client) =>
    withMigrationLock(client, log, async () => {
      await ensureHistoryTable(client);
      // Read under the lock: another process may just have applied some.
      const plan = planMigrations(onDisk, await readHistory(client));
      assertHistoryIntact(plan, migrationsDir);
      if (plan.outOfOrder.length > 0) {
        log(
          `Note: applying ${plan.outOfOrder.join(", ")} after newer migrations (merged from another branch?). ` +
            "Check that they do not depend on each other.",
        );
      }
      const applied: string[] = [];
      for (const migration of plan.pending) {
        await applyOne(client, migration, log);
        applied.push(migration.name);
      }
      if (applied.length === 0) {
        log(`Database is up to date (${onDisk.length} of ${onDisk.length} migrations applied).`);
      }
      return { applied };
    }),
  );
}

async function applyOne(client: pg.ClientBase, migration: MigrationOnDisk, log: (line: string) => void) {
  log(`Applying ${migration.name}…`);
  const started = performance.now();
  await client.query("BEGIN");
  try {
    // No parameters: node-postgres then uses the simple query protocol, which runs a multi-statement script.
    await client.query(migration.sql);
    await recordMigration(client, migration, performance.now() - started);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationError(describeMigrationFailure(migration.name, migration.sql, error), { cause: error });
  }
  log(`Applied ${migration.name} (${Math.round(performance.now() - started)} ms).`);
}
