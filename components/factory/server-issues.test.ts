import { describe, expect, it } from "vitest";
import { serverIssuesOf } from "./server-issues";
import { stepOfPath } from "./wizard-draft";

describe("serverIssuesOf", () => {
  it("reads the issues of a 422 and places each on its step", () => {
    const issues = serverIssuesOf({
      message: "data.versions.0.version: version 2 is not published",
      details: {
        field: "data.versions.0.version",
        issues: [{ path: "data.versions.0.version", message: "version 2 is not published" }, { bad: true }],
      },
    });
    expect(issues).toEqual([{ path: "data.versions.0.version", message: "version 2 is not published" }]);
    expect(stepOfPath(issues[0]?.path ?? "")).toBe(1);
  });

  it("falls back to the one field named, and to nothing", () => {
    expect(serverIssuesOf({ message: "rank too big", details: { field: "method.rank" } })).toEqual([
      { path: "method.rank", message: "rank too big" },
    ]);
    expect(serverIssuesOf({ message: "down", details: undefined })).toEqual([]);
  });
});
