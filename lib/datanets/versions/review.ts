import { type Address, isAddressEqual } from "viem";

/**
 * Review rules: who may review, when a contribution is decided, which rows of an accepted
 * contribution go into a version. Structurally the same settings as the create form's `review`.
 */
export type ReviewSettings = {
  /** Reviews needed for a decision (quorum), ≥ 1. */
  minReviews: number;
  /** Fraction of approvals among the reviews needed to accept, in (0, 1]. */
  approvalThreshold: number;
  reviewers: "stakers" | "invited";
  /** The invited reviewers' addresses (used when reviewers is "invited"). */
  invited?: readonly string[];
};

export type Verdict = "approve" | "reject";

export type Review = {
  reviewer: Address;
  verdict: Verdict;
  reason?: string;
  /** Rows this reviewer rejected individually (by row id), each with a reason. */
  rowRejections?: readonly { rowId: string; reason: string }[];
};

export type DecisionStatus = "pending" | "accepted" | "rejected";

export type Decision = {
  status: DecisionStatus;
  approvals: number;
  rejections: number;
  /** Further approvals needed for acceptance, if every review still to come up to quorum approves; 0 once decided. */
  needed: number;
  /** Further reviews needed to reach quorum (0 once reached). */
  reviewsNeeded: number;
  why:
    | "awaiting_reviews"
    | "quorum_met_at_threshold"
    | "quorum_met_below_threshold"
    | "threshold_unreachable"
    | "quorum_unreachable";
};

/** Comparisons of fractions tolerate floating-point noise (0.1 × 3 is 0.30000000000000004). */
const EPS = 1e-9;

/** The smallest number of approvals among `reviews` reviews that meets the threshold. */
export function approvalsRequired(reviews: number, approvalThreshold: number): number {
  return Math.max(0, Math.ceil(approvalThreshold * reviews - EPS));
}

function checkSettings(s: ReviewSettings): void {
  if (!Number.isInteger(s.minReviews) || s.minReviews < 1) throw new RangeError("minReviews must be an integer ≥ 1");
  if (!(s.approvalThreshold > 0 && s.approvalThreshold <= 1))
    throw new RangeError("approvalThreshold must be in (0, 1]");
}

/** One review per reviewer: a later review by the same address replaces an earlier one. */
export function latestReviewPerReviewer<R extends Pick<Review, "reviewer">>(reviews: readonly R[]): R[] {
  const byReviewer = new Map<string, R>();
  for (const r of reviews) {
    const key = r.reviewer.toLowerCase();
    byReviewer.delete(key);
    byReviewer.set(key, r);
  }
  return [...byReviewer.values()];
}

/**
 * The decision over the reviews recorded so far (one per reviewer, the latest counting). With
 * a = approvals, r = rejections, t = a + r, q = minReviews and k = approvalsRequired(q, threshold):
 *
 * - t ≥ q (quorum met): accepted when a ≥ threshold · t, otherwise rejected. The decision is taken
 *   when quorum is first met; the caller closes the contribution to further reviews then.
 * - t < q: rejected as soon as the threshold is out of reach at quorum — r > q − k, i.e. even if
 *   every review still needed approves, a + (q − t) < k; also rejected when `eligibleReviewers`
 *   (the size of the reviewer pool, e.g. the invited list less the contributor) is given and fewer
 *   than q reviews can ever be recorded. Otherwise pending. Acceptance always waits for quorum.
 */
export function contributionDecision(
  reviews: readonly Pick<Review, "reviewer" | "verdict">[],
  settings: ReviewSettings,
  options: { eligibleReviewers?: number } = {},
): Decision {
  checkSettings(settings);
  const latest = latestReviewPerReviewer(reviews);
  const approvals = latest.filter((r) => r.verdict === "approve").length;
  const rejections = latest.length - approvals;
  const total = latest.length;
  const q = settings.minReviews;
  const decided = (status: DecisionStatus, why: Decision["why"]): Decision => ({
    status,
    approvals,
    rejections,
    needed: 0,
    reviewsNeeded: Math.max(0, q - total),
    why,
  });
  if (total >= q) {
    return approvals >= settings.approvalThreshold * total - EPS
      ? decided("accepted", "quorum_met_at_threshold")
      : decided("rejected", "quorum_met_below_threshold");
  }
  const k = approvalsRequired(q, settings.approvalThreshold);
  if (rejections > q - k) return decided("rejected", "threshold_unreachable");
  if (options.eligibleReviewers !== undefined && options.eligibleReviewers < q) {
    return decided("rejected", "quorum_unreachable");
  }
  return {
    status: "pending",
    approvals,
    rejections,
    needed: Math.max(0, k - approvals),
    reviewsNeeded: q - total,
    why: "awaiting_reviews",
  };
}

export type ReviewEligibility =
  | { ok: true }
  | { ok: false; reason: "own_contribution" | "not_invited" | "not_staker" | "already_reviewed"; message: string };

/**
 * Whether `reviewer` may review a contribution by `contributor`: nobody reviews their own; with
 * "invited" reviewers only the invited addresses; with "stakers" only accounts holding the
 * reviewer stake (`isStaker`, from the Staking contract). `alreadyReviewed` refuses a second review.
 */
export function canReview(input: {
  reviewer: Address;
  contributor: Address;
  settings: ReviewSettings;
  isStaker: boolean;
  alreadyReviewed?: boolean;
}): ReviewEligibility {
  const { reviewer, contributor, settings } = input;
  if (isAddressEqual(reviewer, contributor)) {
    return { ok: false, reason: "own_contribution", message: "Nobody reviews their own contribution" };
  }
  if (settings.reviewers === "invited") {
    const invited = (settings.invited ?? []).some((a) => a.toLowerCase() === reviewer.toLowerCase());
    if (!invited) return { ok: false, reason: "not_invited", message: "Only invited reviewers review this Datanet" };
  } else if (!input.isStaker) {
    return { ok: false, reason: "not_staker", message: "Only accounts with the reviewer stake review this Datanet" };
  }
  if (input.alreadyReviewed) {
    return { ok: false, reason: "already_reviewed", message: "You already reviewed this contribution" };
  }
  return { ok: true };
}

/** The number of accounts that could review a contribution of `contributor` under "invited" settings. */
export function eligibleInvitedReviewers(settings: ReviewSettings, contributor: Address): number | undefined {
  if (settings.reviewers !== "invited") return undefined;
  const distinct = new Set((settings.invited ?? []).map((a) => a.toLowerCase()));
  distinct.delete(contributor.toLowerCase());
  return distinct.size;
}

export type RowExclusion = { rowId: string; rejectedBy: number; reasons: string[] };

/**
 * The rows of an accepted contribution that go into versions. Rule: a row is excluded when a
 * strict majority of the contribution's distinct reviewers (every reviewer, whatever their verdict
 * on the whole; the latest review per reviewer counts) rejected that row — more than half, so with
 * one reviewer their rejection excludes the row and with two both must reject it. Rows keep their
 * order; exclusions list the reasons given.
 */
export function acceptedRows<R extends { id: string }>(
  rows: readonly R[],
  reviews: readonly Review[],
): { accepted: R[]; excluded: RowExclusion[] } {
  const latest = latestReviewPerReviewer(reviews);
  const reviewers = latest.length;
  const rejections = new Map<string, { by: Set<string>; reasons: string[] }>();
  for (const review of latest) {
    for (const { rowId, reason } of review.rowRejections ?? []) {
      let entry = rejections.get(rowId);
      if (!entry) {
        entry = { by: new Set(), reasons: [] };
        rejections.set(rowId, entry);
      }
      if (!entry.by.has(review.reviewer.toLowerCase())) {
        entry.by.add(review.reviewer.toLowerCase());
        entry.reasons.push(reason);
      }
    }
  }
  const accepted: R[] = [];
  const excluded: RowExclusion[] = [];
  for (const row of rows) {
    const entry = rejections.get(row.id);
    if (entry && entry.by.size * 2 > reviewers) {
      excluded.push({ rowId: row.id, rejectedBy: entry.by.size, reasons: entry.reasons });
    } else {
      accepted.push(row);
    }
  }
  return { accepted, excluded };
}
