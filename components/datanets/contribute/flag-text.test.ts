import { describe, expect, it } from "vitest";
import { describeFlag, detailText, type FlagContext } from "./flag-text";

const context: FlagContext = {
  datanetId: "here",
  slug: "security-qa",
  twins: { here: { name: "Security Q&A", slug: "security-qa" }, spam: { name: "Spam or ham", slug: "spam-or-ham" } },
};

describe("describeFlag for rows stored in Datanets", () => {
  it("names a near-duplicate's Datanet and links its Rows tab", () => {
    const [d] = describeFlag(
      { type: "near_duplicate", similarity: 0.86, twin: { source: "existing", datanetId: "spam", rowId: "123" } },
      "a.csv",
      context,
    );
    expect(d?.label).toBe("Near-duplicate 86%");
    expect(d?.detail).toEqual([
      "Near-duplicate (86% similar) of ",
      { text: "row 123 in Spam or ham", href: "/datanets/spam-or-ham?tab=rows&row=123" },
      ".",
    ]);
  });

  it("links exact duplicates in another Datanet and in this one", () => {
    const [other] = describeFlag(
      { type: "duplicate_in_other_datanet", existing: { datanetId: "spam", rowId: "7" } },
      "a.csv",
      context,
    );
    expect(detailText(other?.detail ?? [])).toBe("Duplicate of row 7 in Spam or ham.");
    const [here] = describeFlag(
      { type: "duplicate_in_datanet", existing: { datanetId: "here", rowId: "8" } },
      "a.csv",
      context,
    );
    expect(here?.detail).toEqual([
      "Duplicate of ",
      { text: "row 8", href: "/datanets/security-qa?tab=rows&row=8" },
      " already in this Datanet",
      ".",
    ]);
  });

  it("falls back to plain words when the Datanet's name is not known", () => {
    const [d] = describeFlag(
      { type: "near_duplicate", similarity: 0.8, twin: { source: "existing", datanetId: "gone", rowId: "5" } },
      "a.csv",
      { ...context, twins: {} },
    );
    expect(d?.detail).toEqual(["Near-duplicate (80% similar) of ", "row 5 in another Datanet", "."]);
  });

  it("keeps twins inside the contribution as file and line", () => {
    const [d] = describeFlag(
      { type: "near_duplicate", similarity: 0.9, twin: { source: "contribution", file: "a.csv", line: 3 } },
      "a.csv",
      context,
    );
    expect(detailText(d?.detail ?? [])).toBe("Near-duplicate (90% similar) of row 3 of this file.");
  });
});
