import { describe, expect, it } from "vitest";
import { agreementLevel, verdictsByContribution } from "./agreement";
import { summarizeQualityReport } from "./quality-summary";
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
