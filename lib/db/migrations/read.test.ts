import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MigrationError } from "./errors";
import { checksumOf, readMigrations, sortMigrationNames } from "./read";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "mf-read-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function addMigration(name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

describe("checksumOf", () => {
  it("is the sha256 hex of the SQL", () => {
    expect(checksumOf("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(checksumOf("SELECT 1;")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with the content", () => {
    expect(checksumOf("SELECT 1;")).not.toBe(checksumOf("SELECT 2;"));
  });

  it("ignores CRLF versus LF line endings", () => {
    expect(checksumOf("SELECT 1;\r\nSELECT 2;\r\n")).toBe(checksumOf("SELECT 1;\nSELECT 2;\n"));
  });
});

describe("sortMigrationNames", () => {
  it("orders by code unit, so timestamps sort by time whatever the locale", () => {
    const names = ["20260102000000_b", "20260101000000_ab", "20260101000000_a_b", "20260101000000_a"];
    expect(sortMigrationNames(names)).toEqual([
      "20260101000000_a",
      "20260101000000_a_b",
      "20260101000000_ab",
      "20260102000000_b",
    ]);
  });
});

describe("readMigrations", () => {
  it("reads every folder's migration.sql in name order, with checksums", async () => {
    await addMigration("20260301000000_third", "SELECT 3;");
    await addMigration("20260101000000_first", "SELECT 1;");
    await addMigration("20260201000000_second", "SELECT 2;");
    await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');

    const migrations = await readMigrations(dir);

    expect(migrations.map((migration) => migration.name)).toEqual([
      "20260101000000_first",
      "20260201000000_second",
      "20260301000000_third",
    ]);
    expect(migrations[1]).toEqual({
      name: "20260201000000_second",
      sql: "SELECT 2;",
      checksum: checksumOf("SELECT 2;"),
    });
  });

  it("returns nothing for an empty folder", async () => {
    expect(await readMigrations(dir)).toEqual([]);
  });

  it("ignores other files in a migration folder", async () => {
    await addMigration("20260101000000_first", "SELECT 1;");
    await writeFile(path.join(dir, "20260101000000_first", "schema.prisma.snapshot"), "// x");
    expect(await readMigrations(dir)).toHaveLength(1);
  });

  it("refuses a migration folder without migration.sql", async () => {
    await mkdir(path.join(dir, "20260101000000_first"));
    await expect(readMigrations(dir)).rejects.toThrow(/20260101000000_first has no migration\.sql/);
  });

  it("says so when the migrations folder does not exist", async () => {
    const missing = path.join(dir, "nope");
    await expect(readMigrations(missing)).rejects.toBeInstanceOf(MigrationError);
    await expect(readMigrations(missing)).rejects.toThrow(`No migrations folder at ${missing}`);
  });
});
