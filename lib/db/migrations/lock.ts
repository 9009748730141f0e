import type pg from "pg";

// An arbitrary constant every ModelFactory process uses for the migration lock (PostgreSQL
// advisory locks are named by a 64-bit integer, database-wide).
const MIGRATION_LOCK_KEY = "7301685521760944519";

/**
 * Runs `work` while holding a session-level advisory lock, so processes starting at the same time
 * apply migrations one after the other; the second then finds nothing left to do. The lock goes
 * away with the connection if the process dies.
 */
export async function withMigrationLock<T>(
  client: pg.ClientBase,
  log: (line: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const attempt = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [
    MIGRATION_LOCK_KEY,
  ]);
  if (attempt.rows[0]?.locked !== true) {
    log("Another process is applying migrations; waiting for it to finish…");
    await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
  }
  try {
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]).catch(() => {
      // The connection is broken; closing it releases the lock anyway.
    });
  }
}
