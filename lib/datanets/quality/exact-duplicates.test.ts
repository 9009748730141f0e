import { describe, expect, it } from "vitest";
import { firstOccurrences, lookupExisting } from "./exact-duplicates";

describe("exact duplicates", () => {
  it("points later occurrences at the first", () => {
    expect([...firstOccurrences(["a", "b", "a", "c", "a", "b"])]).toEqual([-1, -1, 0, -1, 0, 1]);
  });

  it("asks the lookup about distinct hashes in batches", async () => {
    const calls: string[][] = [];
    const found = await lookupExisting(
      ["h1", "h2", "h1", "h3", "h4", "h5"],
      async (hashes) => {
        calls.push([...hashes]);
        return new Map(hashes.filter((h) => h === "h2" || h === "h5").map((h) => [h, { datanetId: "d", rowId: h }]));
      },
      2,
    );
    expect(calls).toEqual([["h1", "h2"], ["h3", "h4"], ["h5"]]);
    expect([...found.keys()]).toEqual(["h2", "h5"]);
    await expect(lookupExisting(["a"], async () => new Map(), 0)).rejects.toThrow(RangeError);
  });
});
