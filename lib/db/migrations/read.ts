import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MigrationError } from "./errors";

/** Where migrations live, relative to the working directory (the repository root for npm scripts). */
export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";

/** The SQL file inside each migration folder (Prisma's layout). */
export const MIGRATION_SQL_FILE = "migration.sql";

/** One migration folder read from disk. */
export interface MigrationOnDisk {
  /** The folder name, e.g. `20261125160102_init`; also the migration's identity in the database. */
  name: string;
  sql: string;
  checksum: string;
}

/**
 * sha256 (hex) of a migration's SQL. Line endings are normalised first, so a checkout that turns
 * LF into CRLF (git autocrlf) does not look like an edited migration.
 */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n"), "utf8").digest("hex");
}

/** Sorts migration names the way they are applied: plain code-unit order, so timestamps sort by time. */
export function sortMigrationNames(names: readonly string[]): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Reads every `<dir>/<name>/migration.sql`, in name order. Files beside the folders
 * (migration_lock.toml) are ignored; a folder without migration.sql is an error, since it is
 * most likely a migration whose SQL was deleted by mistake.
 */
export async function readMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationOnDisk[]> {
  const dir = path.resolve(migrationsDir);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new MigrationError(`No migrations folder at ${dir}.`);
    }
    throw error;
  }
  const names = sortMigrationNames(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  const migrations: MigrationOnDisk[] = [];
  for (const name of names) {
    const file = path.join(dir, name, MIGRATION_SQL_FILE);
    if (!(await isFile(file))) {
      throw new MigrationError(`Migration folder ${path.join(dir, name)} has no ${MIGRATION_SQL_FILE}.`);
    }
    const sql = await readFile(file, "utf8");
    migrations.push({ name, sql, checksum: checksumOf(sql) });
  }
  return migrations;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
