import type { DecisionJson } from "./types";

const reviews = (n: number) => `${n} more review${n === 1 ? "" : "s"}`;

/**
 * A decision in one line: "accepted — 2 of 2 approved", "rejected — 1 of 2 approved",
 * "waiting for 1 more review".
 */
export function decisionSummary(decision: DecisionJson): string {
  const total = decision.approvals + decision.rejections;
  if (decision.status === "accepted") return `accepted — ${decision.approvals} of ${total} approved`;
  if (decision.status === "rejected") {
    if (decision.why === "quorum_unreachable") return "rejected — not enough reviewers can ever review it";
    if (decision.why === "threshold_unreachable" && decision.reviewsNeeded > 0) {
      return `rejected — ${decision.rejections} of ${total} rejected, approval is out of reach`;
    }
    return `rejected — ${decision.approvals} of ${total} approved`;
  }
  return `waiting for ${reviews(decision.reviewsNeeded)}`;
}
