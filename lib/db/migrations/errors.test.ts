import { describe, expect, it } from "vitest";
import { describeMigrationFailure, lineAt } from "./errors";

describe("lineAt", () => {
  const text = "a\nbb\nccc";

  it("counts lines from 1", () => {
    expect(lineAt(text, 1)).toBe(1);
    expect(lineAt(text, 3)).toBe(2);
    expect(lineAt(text, 6)).toBe(3);
  });

  it("stops at the end of the text", () => {
    expect(lineAt(text, 1000)).toBe(3);
  });
});

describe("describeMigrationFailure", () => {
  it("names the migration, the line and the server's details", () => {
    const sql = "CREATE TABLE a (id int);\nCREATE TABLE b (id nope);\n";
    const error = Object.assign(new Error('type "nope" does not exist'), {
      code: "42704",
      position: String(sql.indexOf("nope") + 1),
    });
    expect(describeMigrationFailure("20260101000000_x", sql, error)).toBe(
      'Migration 20260101000000_x failed (migration.sql line 2): type "nope" does not exist [code 42704]. ' +
        "Nothing of it was applied.",
    );
  });

  it("works without a position", () => {
    expect(describeMigrationFailure("m", "", new Error("boom"))).toBe(
      "Migration m failed: boom. Nothing of it was applied.",
    );
  });
});
