import type { QueueItemJson, ReviewResultJson } from "./types";

/** A queue item this reviewer reviewed on this page, and the server's answer. */
export interface ReviewedItem {
  item: QueueItemJson;
  result: ReviewResultJson;
}

/** An item as it stands after a review: its counts are the decision the server answered with. */
export function withReview(item: QueueItemJson, result: ReviewResultJson): QueueItemJson {
  const { approvals, rejections, reviewsNeeded } = result.decision;
  return { ...item, reviews: { count: approvals + rejections, approvals, rejections, reviewsNeeded } };
}

/**
 * What the queue shows: the items the server lists now, plus the ones reviewed on this page — which the refetched
 * queue no longer lists — with their result and fresh counts, all oldest first as the server orders them.
 */
export function queueWithReviewed(
  items: readonly QueueItemJson[],
  reviewed: Readonly<Record<string, ReviewedItem>>,
): { item: QueueItemJson; result: ReviewResultJson | null }[] {
  const shown = new Map<string, { item: QueueItemJson; result: ReviewResultJson | null }>();
  for (const item of items) shown.set(item.id, { item, result: null });
  for (const { item, result } of Object.values(reviewed))
    shown.set(item.id, { item: withReview(item, result), result });
  return [...shown.values()].sort((a, b) => Date.parse(a.item.createdAt) - Date.parse(b.item.createdAt));
}
