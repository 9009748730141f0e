import type { DatanetDetail } from "@/lib/datanets/get";
import { ReviewView } from "./review/review-view";

/** The Review tab: the queue for eligible reviewers, the contributor's decisions, and reviewer agreement. */
export function DatanetReviewTab({ datanet }: { datanet: DatanetDetail }) {
  const { minReviews, approvalThreshold, reviewers } = datanet.review;
  const rules = `A contribution needs ${minReviews} review${minReviews === 1 ? "" : "s"} and is accepted at ≥ ${Math.round(
    approvalThreshold * 100,
  )}% approvals; ${reviewers === "invited" ? "invited addresses" : "accounts with the reviewer stake"} review it.`;
  return <ReviewView datanet={{ id: datanet.id, slug: datanet.slug, kind: datanet.kind }} rules={rules} />;
}
