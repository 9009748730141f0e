import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MigrationError } from "./errors";
import { HISTORY_TABLE } from "./history-table";
import { checksumOf } from "./read";
import { applyMigrations } from "./runner";
import { listMigrationStatus } from "./status";

// Every test works in a schema of its own (search_path set through the connection URL), so this file
// can run beside other tests on the same throwaway database.

const databaseUrl = process.env.DATABASE_URL;
let admin: pg.Client;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  if (!databaseUrl) throw new Error("runner.int.test.ts needs DATABASE_URL (a throwaway PostgreSQL database).");
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await admin?.end();
});

/** A fresh schema and a URL whose connections create and find tables in it. */
async function freshSchema(): Promise<{ schema: string; url: string }> {
  const schema = `mig_test_${randomBytes(6).toString("hex")}`;
  await admin.query(`CREATE SCHEMA "${schema}"`);
  cleanups.push(async () => {
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  });
  const url = new URL(databaseUrl as string);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return { schema, url: url.toString() };
}

/** A temporary migrations folder holding `<name>/migration.sql` for each entry. */
async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mf-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(migrations)) await writeMigration(dir, name, sql);
  return dir;
}

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function tablesIn(schema: string): Promise<string[]> {
  const result = await admin.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
    [schema],
  );
  return result.rows.map((row) => row.table_name);
}

async function historyOf(schema: string): Promise<{ name: string; checksum: string }[]> {
  const result = await admin.query<{ name: string; checksum: string }>(
    `SELECT name, checksum FROM "${schema}"."${HISTORY_TABLE}" ORDER BY name`,
  );
  return result.rows;
}

const FIRST = "20260101000000_first";
const SECOND = "20260102000000_second";
const THIRD = "20260103000000_third";
const basic = {
  [FIRST]: "CREATE TABLE a (id integer PRIMARY KEY);\nINSERT INTO a VALUES (1);\n",
  [SECOND]: "CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a(id));\n",
};

describe("applyMigrations", () => {
  it("applies every migration in name order and records each with its checksum", async () => {
    const { schema, url } = await freshSchema();
    // Written out of order: only the names decide the order (b references a).
    const dir = await migrationsDir({ [SECOND]: basic[SECOND], [FIRST]: basic[FIRST] });
    const lines: string[] = [];

    const result = await applyMigrations(url, { migrationsDir: dir, log: (line) => lines.push(line) });

    expect(result.applied).toEqual([FIRST, SECOND]);
    expect(await tablesIn(schema)).toEqual([HISTORY_TABLE, "a", "b"]);
    expect(await historyOf(schema)).toEqual([
      { name: FIRST, checksum: checksumOf(basic[FIRST]) },
      { name: SECOND, checksum: checksumOf(basic[SECOND]) },
    ]);
    expect(lines.some((line) => line.startsWith(`Applied ${FIRST}`))).toBe(true);
  });

  it("does nothing the second time, then applies only what was added", async () => {
    const { schema, url } = await freshSchema();
    const dir = await migrationsDir(basic);
    await applyMigrations(url, { migrationsDir: dir });

    const lines: string[] = [];
    expect(await applyMigrations(url, { migrationsDir: dir, log: (line) => lines.push(line) })).toEqual({
      applied: [],
    });
    expect(lines).toContain("Database is up to date (2 of 2 migrations applied).");

    await writeMigration(dir, THIRD, "ALTER TABLE b ADD COLUMN note text;");
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [THIRD] });
    expect((await historyOf(schema)).map((row) => row.name)).toEqual([FIRST, SECOND, THIRD]);
  });

  it("rolls a failing migration back whole, keeps the earlier ones, and stops", async () => {
    const { schema, url } = await freshSchema();
    const failing = "CREATE TABLE half (id integer);\nINSERT INTO a VALUES (2);\nSELECT * FROM no_such_table;\n";
    const dir = await migrationsDir({ [FIRST]: basic[FIRST], [SECOND]: failing, [THIRD]: "CREATE TABLE c (id int);" });

    const run = applyMigrations(url, { migrationsDir: dir });
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(
      `Migration ${SECOND} failed (migration.sql line 3): relation "no_such_table" does not exist`,
    );

    expect(await tablesIn(schema)).toEqual([HISTORY_TABLE, "a"]);
    expect((await admin.query(`SELECT id FROM "${schema}".a`)).rows).toEqual([{ id: 1 }]);
    expect((await historyOf(schema)).map((row) => row.name)).toEqual([FIRST]);

    // A migration that never applied may be fixed in place.
    await writeMigration(dir, SECOND, "CREATE TABLE half (id integer);");
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [SECOND, THIRD] });
  });

  it("applies a migration and its record together or not at all", async () => {
    const { schema, url } = await freshSchema();
    // The migration's own row makes recording it fail, after its SQL ran: the SQL must be undone too.
    const sabotage = `CREATE TABLE z (id int);\nINSERT INTO ${HISTORY_TABLE} (name, checksum, duration_ms) VALUES ('${FIRST}', 'x', 0);`;
    const dir = await migrationsDir({ [FIRST]: sabotage });

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/_modelfactory_migrations_pkey/);
    expect(await tablesIn(schema)).toEqual([HISTORY_TABLE]);
    expect(await historyOf(schema)).toEqual([]);
  });

  it("refuses to run when an applied migration was edited, applying nothing", async () => {
    const { schema, url } = await freshSchema();
    const dir = await migrationsDir(basic);
    await applyMigrations(url, { migrationsDir: dir });
    await writeMigration(dir, FIRST, `${basic[FIRST]}-- a later edit\n`);
    await writeMigration(dir, THIRD, "CREATE TABLE c (id int);");

    const run = applyMigrations(url, { migrationsDir: dir });
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(/1 migration was edited after being applied .*20260101000000_first/);
    expect(await tablesIn(schema)).not.toContain("c");
  });

  it("accepts the same SQL with CRLF line endings", async () => {
    const { url } = await freshSchema();
    const dir = await migrationsDir(basic);
    await applyMigrations(url, { migrationsDir: dir });
    await writeMigration(dir, FIRST, basic[FIRST].replace(/\n/g, "\r\n"));
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [] });
  });

  it("refuses to run when an applied migration is missing from disk", async () => {
    const { url } = await freshSchema();
    const dir = await migrationsDir(basic);
    await applyMigrations(url, { migrationsDir: dir });
    await rm(path.join(dir, SECOND), { recursive: true });

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /recorded in this database but missing from .*: 20260102000000_second/,
    );
  });

  it("applies a migration that holds only a comment", async () => {
    const { url } = await freshSchema();
    const dir = await migrationsDir({ [FIRST]: "-- Hand-written migration: nothing yet.\n" });
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [FIRST] });
  });

  it("lets two runners started at once apply each migration exactly once", async () => {
    const { schema, url } = await freshSchema();
    // The first migration is slow, so the second runner surely arrives while the first holds the lock.
    const dir = await migrationsDir({
      [FIRST]: "SELECT pg_sleep(0.5);\nCREATE TABLE a (id integer PRIMARY KEY);",
      [SECOND]: basic[SECOND],
      [THIRD]: "CREATE TABLE c (id integer);",
    });
    const logs: string[][] = [[], []];

    const results = await Promise.all(
      logs.map((lines) => applyMigrations(url, { migrationsDir: dir, log: (line) => lines.push(line) })),
    );

    const appliedByEither = results.flatMap((result) => result.applied).sort();
    expect(appliedByEither).toEqual([FIRST, SECOND, THIRD]);
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, 3]);
    expect(logs.flat().some((line) => line.includes("waiting"))).toBe(true);
    expect((await historyOf(schema)).map((row) => row.name)).toEqual([FIRST, SECOND, THIRD]);
  });

  it("says which URL it could not connect to, without the password", async () => {
    const dir = await migrationsDir(basic);
    const url = "postgresql://someone:secret@127.0.0.1:1/nowhere";
    const run = applyMigrations(url, { migrationsDir: dir });
    await expect(run).rejects.toThrow(/Could not connect to postgresql:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    await expect(run).rejects.not.toThrow(/secret/);
  });
});

describe("listMigrationStatus", () => {
  it("reports applied and pending migrations without creating anything", async () => {
    const { schema, url } = await freshSchema();
    const dir = await migrationsDir(basic);

    const before = await listMigrationStatus(url, { migrationsDir: dir });
    expect(before).toEqual({ applied: [], pending: [FIRST, SECOND], edited: [], missing: [] });
    expect(await tablesIn(schema)).toEqual([]);

    await applyMigrations(url, { migrationsDir: dir });
    await writeMigration(dir, THIRD, "CREATE TABLE c (id int);");
    const after = await listMigrationStatus(url, { migrationsDir: dir });
    expect(after.applied.map((row) => row.name)).toEqual([FIRST, SECOND]);
    expect(after.applied[0]?.appliedAt).toBeInstanceOf(Date);
    expect(after.pending).toEqual([THIRD]);
  });

  it("flags edited and missing migrations", async () => {
    const { url } = await freshSchema();
    const dir = await migrationsDir(basic);
    await applyMigrations(url, { migrationsDir: dir });
    await writeMigration(dir, FIRST, "-- edited");
    await rm(path.join(dir, SECOND), { recursive: true });

    expect(await listMigrationStatus(url, { migrationsDir: dir })).toMatchObject({
      pending: [],
      edited: [FIRST],
      missing: [SECOND],
    });
  });
});

describe("the project's prisma/migrations", () => {
  it("build the application's tables, and apply once", async () => {
    const { schema, url } = await freshSchema();
    const dir = path.resolve("prisma/migrations");

    const { applied } = await applyMigrations(url, { migrationsDir: dir });

    expect(applied.length).toBeGreaterThan(0);
    expect(applied[0]).toMatch(/^\d{14}_init$/);
    expect(await tablesIn(schema)).toEqual(
      expect.arrayContaining(["users", "sessions", "auth_nonces", "worker_heartbeats", HISTORY_TABLE]),
    );
    const indexes = await admin.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = $1", [
      schema,
    ]);
    expect(indexes.rows.map((row) => row.indexname)).toEqual(
      expect.arrayContaining([
        "users_address_key",
        "sessions_token_hash_key",
        "sessions_user_id_idx",
        "sessions_expires_at_idx",
        "auth_nonces_expires_at_idx",
        "worker_heartbeats_last_seen_at_idx",
      ]),
    );

    // The foreign key cascades: deleting a user deletes their sessions.
    const q = (sql: string) => admin.query(sql.replaceAll("$s", `"${schema}"`));
    await q(`INSERT INTO $s.users (id, address) VALUES ('u1', '0xabc')`);
    await q(
      `INSERT INTO $s.sessions (id, token_hash, user_id, chain_id, expires_at) VALUES ('s1', 'h', 'u1', 1, now())`,
    );
    await expect(
      q(
        `INSERT INTO $s.sessions (id, token_hash, user_id, chain_id, expires_at) VALUES ('s2', 'h2', 'nobody', 1, now())`,
      ),
    ).rejects.toThrow(/sessions_user_id_fkey/);
    await q(`DELETE FROM $s.users WHERE id = 'u1'`);
    expect((await q("SELECT count(*)::int AS n FROM $s.sessions")).rows).toEqual([{ n: 0 }]);

    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [] });
  });
});
