import { describe, expect, it } from "vitest";
import { decisionSummary } from "./decision-summary";

const base = { approvals: 0, rejections: 0, needed: 0, reviewsNeeded: 0 };

describe("decisionSummary", () => {
  it("says how many approved when accepted or rejected at quorum", () => {
    expect(decisionSummary({ ...base, status: "accepted", approvals: 2, why: "quorum_met_at_threshold" })).toBe(
      "accepted — 2 of 2 approved",
    );
    expect(
      decisionSummary({ ...base, status: "rejected", approvals: 1, rejections: 2, why: "quorum_met_below_threshold" }),
    ).toBe("rejected — 1 of 3 approved");
  });

  it("counts the reviews still needed while pending", () => {
    expect(
      decisionSummary({ ...base, status: "pending", approvals: 1, reviewsNeeded: 1, why: "awaiting_reviews" }),
    ).toBe("waiting for 1 more review");
    expect(decisionSummary({ ...base, status: "pending", reviewsNeeded: 3, why: "awaiting_reviews" })).toBe(
      "waiting for 3 more reviews",
    );
  });

  it("explains early rejections", () => {
    expect(
      decisionSummary({ ...base, status: "rejected", rejections: 2, reviewsNeeded: 1, why: "threshold_unreachable" }),
    ).toBe("rejected — 2 of 2 rejected, approval is out of reach");
    expect(decisionSummary({ ...base, status: "rejected", why: "quorum_unreachable" })).toMatch(/not enough reviewers/);
  });
});
