import { describe, expect, it } from "vitest";
import {
  assertMigrationName,
  formatTimestamp,
  nextMigrationFolderName,
  snapshotContent,
  snapshotFollows,
  snapshotSchema,
} from "./migration-folder";

describe("assertMigrationName", () => {
  it("accepts lowercase letters, digits and underscores", () => {
    expect(() => assertMigrationName("add_user_email_2")).not.toThrow();
  });

  it.each(["Add", "add-user", "add user", "ümlaut", "a.b", ""])("refuses %j", (name) => {
    expect(() => assertMigrationName(name)).toThrow(
      name === "" ? /Give the migration a name/ : /Invalid migration name/,
    );
  });

  it("refuses a missing name with a usage hint", () => {
    expect(() => assertMigrationName(undefined)).toThrow(/npm run db:migration -- add_user_email/);
  });

  it("refuses very long names", () => {
    expect(() => assertMigrationName("a".repeat(81))).toThrow(/too long/);
  });
});

describe("formatTimestamp", () => {
  it("writes UTC YYYYMMDDHHMMSS", () => {
    expect(formatTimestamp(new Date("2026-03-04T05:06:07.890Z"))).toBe("20260304050607");
  });
});

describe("nextMigrationFolderName", () => {
  const now = new Date("2026-03-04T05:06:07Z");

  it("prefixes the name with the current time", () => {
    expect(nextMigrationFolderName("init", now, undefined)).toBe("20260304050607_init");
    expect(nextMigrationFolderName("next", now, "20260101000000_init")).toBe("20260304050607_next");
  });

  it("sorts after the newest folder even when the clock says otherwise", () => {
    expect(nextMigrationFolderName("next", now, "20260304050607_init")).toBe("20260304050608_next");
    expect(nextMigrationFolderName("next", now, "20261231235959_future")).toBe("20270101000000_next");
  });
});

describe("snapshots", () => {
  const schema = 'datasource db {\n  provider = "postgresql"\n}\n';

  it("keep the schema exactly, after a header naming the previous migration", () => {
    const snapshot = snapshotContent(schema, "20260101000000_init");
    expect(snapshotFollows(snapshot)).toBe("20260101000000_init");
    expect(snapshotSchema(snapshot)).toBe(schema);
  });

  it("say none before the first migration", () => {
    expect(snapshotFollows(snapshotContent(schema, undefined))).toBe("none");
  });

  it("tolerate a hand-written snapshot without header", () => {
    expect(snapshotFollows(schema)).toBeUndefined();
    expect(snapshotSchema(schema)).toBe(schema);
  });
});
