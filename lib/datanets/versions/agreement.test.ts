import { describe, expect, it } from "vitest";
import { fleissKappa, fleissKappaFromRatings, krippendorffAlphaNominal, reviewAgreement } from "./agreement";

describe("krippendorffAlphaNominal", () => {
  it("gives 0.743 on Krippendorff's reliability data (4 coders × 12 units, missing values)", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal α = 0.743.
    const coders = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = Array.from({ length: 12 }, (_, u) => coders.map((c) => c[u]));
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });

  it("is 1 for perfect agreement, below 0 for systematic disagreement, null without variation", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["b", "b"],
        ["a", "a", "a"],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlphaNominal([
        ["a", "b"],
        ["a", "b"],
        ["b", "a"],
      ]) as number,
    ).toBeLessThan(0);
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toBeNull();
    expect(krippendorffAlphaNominal([["a"], [null, "b"]])).toBeNull();
  });

  it("ignores unpairable units", () => {
    const base = [
      ["a", "a"],
      ["b", "a"],
      ["b", "b"],
    ];
    expect(krippendorffAlphaNominal([...base, ["c"], [null, null]])).toBe(krippendorffAlphaNominal(base));
  });
});

describe("fleissKappa", () => {
  it("gives 0.210 on the standard 10 subjects × 5 categories table (14 raters)", () => {
    // The worked example of Fleiss' kappa (Wikipedia): P̄ = 0.378, P̄e = 0.213, κ = 0.210.
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table)).toBeCloseTo(0.21, 3);
  });

  it("is 1 for perfect agreement, null without variation, and refuses uneven tables", () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]),
    ).toBe(1);
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toBeNull();
    expect(() =>
      fleissKappa([
        [3, 0],
        [1, 1],
      ]),
    ).toThrow(RangeError);
    expect(() => fleissKappa([[1, 0]])).toThrow(RangeError);
  });

  it("builds the table from ratings, and declines uneven rating counts", () => {
    const ratings = [
      ["approve", "approve", "reject"],
      ["reject", "reject", "reject"],
      ["approve", "approve", "approve"],
    ];
    expect(fleissKappaFromRatings(ratings)).toBeCloseTo(
      fleissKappa([
        [2, 1],
        [0, 3],
        [3, 0],
      ]) as number,
      12,
    );
    expect(
      fleissKappaFromRatings([
        ["a", "b"],
        ["a", "b", "a"],
      ]),
    ).toBeNull();
  });
});

describe("reviewAgreement", () => {
  it("reports alpha always and kappa only for equal review counts", () => {
    const even = reviewAgreement([["approve", "approve"], ["reject", "reject"], ["approve", "reject"], ["approve"]]);
    expect(even.contributions).toBe(3);
    expect(even.reviews).toBe(6);
    expect(even.alpha).not.toBeNull();
    expect(even.kappa).not.toBeNull();
    const uneven = reviewAgreement([
      ["approve", "approve", "approve"],
      ["reject", "reject"],
    ]);
    expect(uneven.alpha).toBe(1);
    expect(uneven.kappa).toBeNull();
  });
});
