import { MigrationError } from "./errors";
import type { MigrationOnDisk } from "./read";

/** A row of the history table: a migration applied to this database. */
export interface AppliedMigration {
  name: string;
  checksum: string;
  appliedAt: Date;
}

/** What the database's history means for the migrations on disk. */
export interface MigrationPlan {
  /** On disk, not applied yet, in the order to apply them. */
  pending: MigrationOnDisk[];
  /** Applied, but their migration.sql changed since. */
  edited: string[];
  /** Applied, but no longer on disk. */
  missing: string[];
  /** Pending, yet named before the newest applied one (typically merged in from another branch). */
  outOfOrder: string[];
}

/** Compares the migrations on disk (in name order) with the database's history. Pure. */
export function planMigrations(
  onDisk: readonly MigrationOnDisk[],
  applied: readonly AppliedMigration[],
): MigrationPlan {
  const appliedByName = new Map(applied.map((row) => [row.name, row]));
  const onDiskNames = new Set(onDisk.map((migration) => migration.name));
  const newestApplied = applied.reduce<string | undefined>(
    (newest, row) => (newest === undefined || row.name > newest ? row.name : newest),
    undefined,
  );

  const pending = onDisk.filter((migration) => !appliedByName.has(migration.name));
  const edited = onDisk
    .filter((migration) => {
      const row = appliedByName.get(migration.name);
      return row !== undefined && row.checksum !== migration.checksum;
    })
    .map((migration) => migration.name);
  const missing = applied
    .filter((row) => !onDiskNames.has(row.name))
    .map((row) => row.name)
    .sort();
  const outOfOrder = pending
    .filter((migration) => newestApplied !== undefined && migration.name < newestApplied)
    .map((migration) => migration.name);
  return { pending, edited, missing, outOfOrder };
}

/**
 * Throws one MigrationError describing every edited or missing migration; applying anything on
 * top of a history that differs from the files would leave a schema nobody can reproduce.
 */
export function assertHistoryIntact(plan: MigrationPlan, migrationsDir: string): void {
  const problems: string[] = [];
  if (plan.edited.length > 0) {
    problems.push(
      `${plural(plan.edited, "was", "were")} edited after being applied to this database ` +
        `(the sha256 of migration.sql no longer matches the one recorded): ${plan.edited.join(", ")}. ` +
        "Applied migrations must not change: restore the file as it was (e.g. git checkout) " +
        "and put the change in a new migration (npm run db:migration -- <name>).",
    );
  }
  if (plan.missing.length > 0) {
    problems.push(
      `${plural(plan.missing, "is", "are")} recorded in this database but missing from ${migrationsDir}: ` +
        `${plan.missing.join(", ")}. The database is ahead of this code: check out the code that has ` +
        "them, or point DATABASE_URL at another database.",
    );
  }
  if (problems.length > 0) throw new MigrationError(`Refusing to migrate. ${problems.join(" Also, ")}`);
}

function plural(names: readonly string[], one: string, many: string): string {
  return names.length === 1 ? `1 migration ${one}` : `${names.length} migrations ${many}`;
}
