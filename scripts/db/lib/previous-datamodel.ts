import { readdir } from "node:fs/promises";
import path from "node:path";
import { sortMigrationNames } from "../../../lib/db/migrations/read";
import { EMPTY_DATAMODEL, readSnapshot, SNAPSHOT_FILE, snapshotFollows, snapshotSchema } from "./migration-folder";

/** The datamodel the next migration is diffed from. */
export interface PreviousDatamodel {
  /** Newest migration folder, or undefined before the first migration. */
  newest: string | undefined;
  /** The snapshot file (named in engine errors). */
  path: string;
  /** The schema as of the newest migration (without the snapshot's header). */
  schema: string;
}

/** Migration folder names in apply order; none when the folder does not exist yet. */
export async function listMigrationFolders(migrationsDir: string): Promise<string[]> {
  try {
    const entries = await readdir(migrationsDir, { withFileTypes: true });
    return sortMigrationNames(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * Checks that the newest snapshot was taken right after the migration before it. When branches that
 * each added a migration are merged, the later one's snapshot lacks the other branch's change, and a
 * diff from it would generate that change a second time.
 */
export function assertSnapshotChain(folders: readonly string[], snapshot: string): void {
  const newest = folders.at(-1);
  const expected = folders.at(-2) ?? "none";
  const follows = snapshotFollows(snapshot);
  if (newest === undefined || follows === undefined || follows === expected) return;
  throw new Error(
    `Migration ${newest} was generated right after ${follows}, but ${expected} now sits between them (branches ` +
      `were merged), so the schema snapshot of ${newest} lacks the change of ${expected}. If ${newest} was generated ` +
      "and is not applied to any shared database yet, delete its folder and generate it again. Otherwise set its " +
      `${SNAPSHOT_FILE} to the schema after both migrations and its "follows:" line to ${expected}.`,
  );
}

/**
 * Finds the schema as of the newest migration: that folder's snapshot, or a datamodel with only
 * the datasource before the first migration.
 */
export async function readPreviousDatamodel(migrationsDir: string): Promise<PreviousDatamodel> {
  const folders = await listMigrationFolders(migrationsDir);
  const newest = folders.at(-1);
  if (newest === undefined) return { newest, path: "(no migrations yet)", schema: EMPTY_DATAMODEL };
  const snapshot = await readSnapshot(migrationsDir, newest);
  if (snapshot === undefined) {
    throw new Error(
      `The newest migration ${newest} has no ${SNAPSHOT_FILE}, so the schema it left behind is unknown. ` +
        `Save the prisma/schema.prisma that matches the database after ${newest} as ${path.join(migrationsDir, newest, SNAPSHOT_FILE)}.`,
    );
  }
  assertSnapshotChain(folders, snapshot);
  return {
    newest,
    path: path.join(migrationsDir, newest, SNAPSHOT_FILE),
    schema: snapshotSchema(snapshot),
  };
}
