import { describe, expect, it } from "vitest";
import { agreementLevel, verdictsByContribution } from "./agreement";
import { summarizeQualityReport } from "./quality-summary";
import { flaggedFirst } from "./queue";
import { twinLinks } from "./twins";

describe("summarizeQualityReport", () => {
  it("reads the stored report's numbers and keeps only the flags present", () => {
    expect(
      summarizeQualityReport({
        totalRows: 10,
        flaggedRows: 3,
        cleanRows: 7,
        score: 80.5,
        counts: { pii: 1, near_duplicate: 2, ingest: 0 },
        rows: [],
        redactedRows: 1,
      }),
    ).toEqual({
      totalRows: 10,
      flaggedRows: 3,
      cleanRows: 7,
      score: 80.5,
      counts: { pii: 1, near_duplicate: 2 },
      redactedRows: 1,
    });
  });

  it("tolerates a missing or partial report", () => {
    expect(summarizeQualityReport(null)).toMatchObject({ totalRows: 0, score: 0, counts: {} });
    expect(summarizeQualityReport({ score: "high" }).score).toBe(0);
  });
});

describe("twinLinks", () => {
  it("finds near-duplicate and duplicate twins, in flag order, and skips other flags", () => {
    expect(
      twinLinks([
        { type: "pii", findings: [] },
        { type: "near_duplicate", twin: { source: "contribution", file: "a.csv", line: 3 }, similarity: 0.9 },
        { type: "duplicate_in_datanet", existing: { datanetId: "d1", rowId: "42" } },
        { type: "duplicate_in_contribution", first: { file: "a.csv", line: 2 } },
        { type: "near_duplicate", twin: { source: "existing", datanetId: "d2", rowId: "7" }, similarity: 0.85 },
      ]),
    ).toEqual([
      { type: "near_duplicate", similarity: 0.9, ref: { source: "contribution", file: "a.csv", line: 3 } },
      { type: "duplicate_in_datanet", similarity: 1, ref: { source: "existing", datanetId: "d1", rowId: "42" } },
      { type: "duplicate_in_contribution", similarity: 1, ref: { source: "contribution", file: "a.csv", line: 2 } },
      { type: "near_duplicate", similarity: 0.85, ref: { source: "existing", datanetId: "d2", rowId: "7" } },
    ]);
  });

  it("answers nothing for flags that are not a list", () => {
    expect(twinLinks(undefined)).toEqual([]);
    expect(twinLinks({ type: "pii" })).toEqual([]);
  });
});

describe("agreement read model", () => {
  it("groups verdicts by contribution in first-seen order", () => {
    expect(
      verdictsByContribution([
        { contributionId: "a", verdict: "approve" },
        { contributionId: "b", verdict: "reject" },
        { contributionId: "a", verdict: "approve" },
        { contributionId: "b", verdict: "approve" },
      ]),
    ).toEqual([
      ["approve", "approve"],
      ["reject", "approve"],
    ]);
  });

  it("reads alpha on Krippendorff's scale", () => {
    expect(agreementLevel(null)).toBe("undefined");
    expect(agreementLevel(0.85)).toBe("strong");
    expect(agreementLevel(0.7)).toBe("tentative");
    expect(agreementLevel(0.2)).toBe("weak");
  });
});

describe("flaggedFirst", () => {
  it("puts flagged rows before clean ones, each group in file order", () => {
    const row = (position: number, flags: unknown) => ({ position, flags });
    const sample = [
      row(0, []),
      row(1, []),
      row(2, [{ type: "near_duplicate" }]),
      row(3, []),
      row(4, [{ type: "pii" }, { type: "duplicate_existing" }]),
      row(5, [{ type: "duplicate_in_contribution" }]),
    ];
    expect(flaggedFirst(sample).map((r) => r.position)).toEqual([2, 4, 5, 0, 1, 3]);
  });

  it("orders rows whichever order they arrive in, and leaves the input as it was", () => {
    // The query orders flagged first too, but a reviewer must not depend on it.
    const sample = [
      { position: 7, flags: [] },
      { position: 9, flags: [{ type: "pii" }] },
      { position: 1, flags: null },
      { position: 3, flags: [{ type: "ingest" }] },
    ];
    expect(flaggedFirst(sample).map((r) => r.position)).toEqual([3, 9, 1, 7]);
    expect(sample.map((r) => r.position)).toEqual([7, 9, 1, 3]);
  });
});
