import { describe, expect, it } from "vitest";
import { checkStep } from "./check-progress";

describe("checkStep", () => {
  it("says the files are being read, without a length, before the server reports anything", () => {
    expect(checkStep(undefined)).toEqual({ step: "Reading files…", label: "Reading files…", percent: null });
  });

  it("reads bytes as a percentage", () => {
    expect(checkStep({ phase: "parse", done: 430, total: 1000 })).toEqual({
      step: "Reading files…",
      label: "Reading files… 43%",
      percent: 43,
    });
  });

  it("counts rows as people read numbers", () => {
    expect(checkStep({ phase: "rows", done: 12_000, total: 100_000 })).toEqual({
      step: "Checking rows…",
      label: "Checking rows… 12,000 / 100,000",
      percent: 12,
    });
  });

  it("moves on to stored duplicates (of unknown length) once every row is checked", () => {
    const next = { step: "Looking for duplicates in stored data…", label: "Looking for duplicates in stored data…" };
    expect(checkStep({ phase: "rows", done: 9, total: 9 })).toEqual({ ...next, percent: null });
    expect(checkStep({ phase: "existing_duplicates", done: 9, total: 9 })).toEqual({ ...next, percent: null });
  });

  it("counts near-duplicate lookups", () => {
    expect(checkStep({ phase: "existing_near_duplicates", done: 3000, total: 4000 })).toMatchObject({
      label: "Looking for near-duplicates in stored data… 3,000 / 4,000",
      percent: 75,
    });
  });
});
