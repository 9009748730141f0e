import { describe, expect, it } from "vitest";
import { MigrationError } from "./errors";
import { type AppliedMigration, assertHistoryIntact, planMigrations } from "./plan";
import { checksumOf, type MigrationOnDisk } from "./read";

const onDisk = (name: string, sql = `-- ${name}`): MigrationOnDisk => ({ name, sql, checksum: checksumOf(sql) });
const applied = (migration: MigrationOnDisk): AppliedMigration => ({
  name: migration.name,
  checksum: migration.checksum,
  appliedAt: new Date("2026-01-01T00:00:00Z"),
});

const a = onDisk("20260101000000_a");
const b = onDisk("20260102000000_b");
const c = onDisk("20260103000000_c");

describe("planMigrations", () => {
  it("makes everything pending on a fresh database", () => {
    const plan = planMigrations([a, b, c], []);
    expect(plan.pending.map((m) => m.name)).toEqual([a.name, b.name, c.name]);
    expect(plan).toMatchObject({ edited: [], missing: [], outOfOrder: [] });
  });

  it("leaves out the applied ones, keeping the order", () => {
    const plan = planMigrations([a, b, c], [applied(a)]);
    expect(plan.pending.map((m) => m.name)).toEqual([b.name, c.name]);
  });

  it("has nothing pending when all are applied", () => {
    expect(planMigrations([a, b], [applied(a), applied(b)]).pending).toEqual([]);
  });

  it("finds applied migrations whose SQL changed", () => {
    const editedB = onDisk(b.name, "-- changed");
    expect(planMigrations([a, editedB], [applied(a), applied(b)]).edited).toEqual([b.name]);
  });

  it("finds applied migrations missing from disk", () => {
    expect(planMigrations([a], [applied(a), applied(c), applied(b)]).missing).toEqual([b.name, c.name]);
  });

  it("flags pending migrations named before the newest applied one", () => {
    const plan = planMigrations([a, b, c], [applied(a), applied(c)]);
    expect(plan.pending.map((m) => m.name)).toEqual([b.name]);
    expect(plan.outOfOrder).toEqual([b.name]);
  });
});

describe("assertHistoryIntact", () => {
  it("accepts a clean history", () => {
    expect(() => assertHistoryIntact(planMigrations([a, b], [applied(a)]), "/m")).not.toThrow();
  });

  it("refuses an edited migration, naming it", () => {
    const plan = planMigrations([onDisk(a.name, "-- changed")], [applied(a)]);
    expect(() => assertHistoryIntact(plan, "/m")).toThrow(MigrationError);
    expect(() => assertHistoryIntact(plan, "/m")).toThrow(
      /1 migration was edited after being applied.*20260101000000_a/,
    );
  });

  it("refuses a migration missing from disk, naming it and the folder", () => {
    const plan = planMigrations([a], [applied(a), applied(b)]);
    expect(() => assertHistoryIntact(plan, "/m")).toThrow(
      /recorded in this database but missing from \/m: 20260102000000_b/,
    );
  });

  it("reports both problems at once", () => {
    const plan = planMigrations([onDisk(a.name, "-- changed")], [applied(a), applied(b)]);
    expect(() => assertHistoryIntact(plan, "/m")).toThrow(/edited.*Also, 1 migration is recorded/);
  });
});
