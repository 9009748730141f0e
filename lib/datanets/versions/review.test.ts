import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import {
  acceptedRows,
  approvalsRequired,
  canReview,
  contributionDecision,
  eligibleInvitedReviewers,
  type Review,
  type ReviewSettings,
} from "./review";

const addr = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as Address;
const approve = (n: number): Review => ({ reviewer: addr(n), verdict: "approve" });
const reject = (n: number): Review => ({ reviewer: addr(n), verdict: "reject" });
const settings = (minReviews: number, approvalThreshold: number): ReviewSettings => ({
  minReviews,
  approvalThreshold,
  reviewers: "stakers",
});

describe("contributionDecision", () => {
  it("stays pending below quorum while the threshold is reachable", () => {
    expect(contributionDecision([], settings(2, 0.5))).toMatchObject({
      status: "pending",
      needed: 1,
      reviewsNeeded: 2,
    });
    expect(contributionDecision([approve(1)], settings(3, 2 / 3))).toMatchObject({
      status: "pending",
      approvals: 1,
      needed: 1,
      reviewsNeeded: 2,
    });
    // Enough approvals already, but acceptance waits for quorum.
    expect(contributionDecision([approve(1), approve(2)], settings(3, 0.5))).toMatchObject({
      status: "pending",
      needed: 0,
    });
  });

  it("accepts at quorum when approvals/reviews ≥ threshold, including exactly at it", () => {
    expect(contributionDecision([approve(1)], settings(1, 1))).toMatchObject({
      status: "accepted",
      why: "quorum_met_at_threshold",
    });
    expect(contributionDecision([approve(1), reject(2)], settings(2, 0.5)).status).toBe("accepted");
    // 2/3 against a threshold of 2/3 written as 0.6666666666666666, and 3 of 5 against 0.6.
    expect(contributionDecision([approve(1), approve(2), reject(3)], settings(3, 2 / 3)).status).toBe("accepted");
    expect(
      contributionDecision([approve(1), approve(2), approve(3), reject(4), reject(5)], settings(5, 0.6)).status,
    ).toBe("accepted");
  });

  it("rejects at quorum below the threshold", () => {
    expect(contributionDecision([approve(1), reject(2)], settings(2, 0.51))).toMatchObject({
      status: "rejected",
      why: "quorum_met_below_threshold",
      approvals: 1,
      rejections: 1,
    });
    expect(contributionDecision([reject(1)], settings(1, 0.1)).status).toBe("rejected");
  });

  it("rejects early once the threshold cannot be met at quorum", () => {
    // Quorum 3 at 2/3 needs 2 approvals of 3: two rejections make that impossible.
    expect(contributionDecision([reject(1), reject(2)], settings(3, 2 / 3))).toMatchObject({
      status: "rejected",
      why: "threshold_unreachable",
      needed: 0,
    });
    // Unanimity: one rejection is enough.
    expect(contributionDecision([reject(1)], settings(3, 1)).status).toBe("rejected");
    // Quorum 4 at 0.5 needs 2 approvals: two rejections still leave it reachable.
    expect(contributionDecision([reject(1), reject(2)], settings(4, 0.5))).toMatchObject({
      status: "pending",
      needed: 2,
    });
  });

  it("rejects when the reviewer pool is too small to reach quorum", () => {
    expect(contributionDecision([approve(1)], settings(3, 0.5), { eligibleReviewers: 2 })).toMatchObject({
      status: "rejected",
      why: "quorum_unreachable",
    });
    expect(contributionDecision([approve(1)], settings(3, 0.5), { eligibleReviewers: 3 }).status).toBe("pending");
  });

  it("counts one review per reviewer, the latest", () => {
    const flipped: Review[] = [
      reject(1),
      approve(2),
      { ...approve(1), reviewer: addr(1).toUpperCase().replace("0X", "0x") as Address },
    ];
    expect(contributionDecision(flipped, settings(2, 1))).toMatchObject({
      status: "accepted",
      approvals: 2,
      rejections: 0,
    });
  });

  it("refuses invalid settings", () => {
    expect(() => contributionDecision([], settings(0, 0.5))).toThrow(RangeError);
    expect(() => contributionDecision([], settings(1, 0))).toThrow(RangeError);
    expect(() => contributionDecision([], settings(1, 1.01))).toThrow(RangeError);
  });

  it("computes the approvals required with float-safe rounding", () => {
    expect(approvalsRequired(3, 2 / 3)).toBe(2);
    expect(approvalsRequired(10, 0.7)).toBe(7);
    expect(approvalsRequired(3, 0.1)).toBe(1);
    expect(approvalsRequired(5, 1)).toBe(5);
  });
});

describe("canReview", () => {
  const invited: ReviewSettings = {
    minReviews: 1,
    approvalThreshold: 1,
    reviewers: "invited",
    invited: [addr(2), addr(3)],
  };

  it("refuses one's own contribution, whatever the mode", () => {
    expect(canReview({ reviewer: addr(2), contributor: addr(2), settings: invited, isStaker: true })).toMatchObject({
      ok: false,
      reason: "own_contribution",
    });
    expect(
      canReview({ reviewer: addr(1), contributor: addr(1), settings: settings(1, 1), isStaker: true }),
    ).toMatchObject({
      reason: "own_contribution",
    });
  });

  it("admits only invited addresses (any case) in invited mode, stake or not", () => {
    expect(canReview({ reviewer: addr(3), contributor: addr(1), settings: invited, isStaker: false })).toEqual({
      ok: true,
    });
    expect(canReview({ reviewer: addr(4), contributor: addr(1), settings: invited, isStaker: true })).toMatchObject({
      reason: "not_invited",
    });
  });

  it("admits only stakers in stakers mode, and refuses a second review", () => {
    expect(
      canReview({ reviewer: addr(4), contributor: addr(1), settings: settings(1, 1), isStaker: false }),
    ).toMatchObject({
      reason: "not_staker",
    });
    expect(canReview({ reviewer: addr(4), contributor: addr(1), settings: settings(1, 1), isStaker: true })).toEqual({
      ok: true,
    });
    expect(
      canReview({
        reviewer: addr(4),
        contributor: addr(1),
        settings: settings(1, 1),
        isStaker: true,
        alreadyReviewed: true,
      }),
    ).toMatchObject({ reason: "already_reviewed" });
  });

  it("counts the invited pool without the contributor", () => {
    expect(eligibleInvitedReviewers(invited, addr(2))).toBe(1);
    expect(eligibleInvitedReviewers(invited, addr(9))).toBe(2);
    expect(eligibleInvitedReviewers(settings(1, 1), addr(9))).toBeUndefined();
  });
});

describe("acceptedRows", () => {
  const rows = ["r1", "r2", "r3", "r4"].map((id) => ({ id }));

  it("excludes a row rejected by a strict majority of reviewers", () => {
    const reviews: Review[] = [
      {
        ...approve(1),
        rowRejections: [
          { rowId: "r2", reason: "off-topic" },
          { rowId: "r3", reason: "PII" },
        ],
      },
      { ...approve(2), rowRejections: [{ rowId: "r2", reason: "spam" }] },
      {
        ...reject(3),
        rowRejections: [
          { rowId: "r3", reason: "PII" },
          { rowId: "r4", reason: "typo" },
        ],
      },
    ];
    const result = acceptedRows(rows, reviews);
    expect(result.accepted.map((r) => r.id)).toEqual(["r1", "r4"]);
    expect(result.excluded).toEqual([
      { rowId: "r2", rejectedBy: 2, reasons: ["off-topic", "spam"] },
      { rowId: "r3", rejectedBy: 2, reasons: ["PII", "PII"] },
    ]);
  });

  it("keeps a row with exactly half the reviewers against it; a lone reviewer decides alone", () => {
    const two: Review[] = [{ ...approve(1), rowRejections: [{ rowId: "r1", reason: "x" }] }, approve(2)];
    expect(acceptedRows(rows, two).accepted).toHaveLength(4);
    expect(acceptedRows(rows, [two[0] as Review]).accepted.map((r) => r.id)).toEqual(["r2", "r3", "r4"]);
  });

  it("counts a reviewer once per row and only their latest review", () => {
    const reviews: Review[] = [
      {
        ...approve(1),
        rowRejections: [
          { rowId: "r1", reason: "a" },
          { rowId: "r1", reason: "again" },
        ],
      },
      approve(2),
      approve(3),
      { ...approve(2), rowRejections: [{ rowId: "r1", reason: "b" }] },
    ];
    expect(acceptedRows(rows, reviews).excluded).toEqual([{ rowId: "r1", rejectedBy: 2, reasons: ["a", "b"] }]);
  });
});
