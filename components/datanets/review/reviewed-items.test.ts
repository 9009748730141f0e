import { describe, expect, it } from "vitest";
import { queueWithReviewed, withReview } from "./reviewed-items";
import type { QueueItemJson, ReviewResultJson } from "./types";

const item = (id: string, createdAt: string, count = 0): QueueItemJson => ({
  id,
  contributor: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  rowCount: 3,
  createdAt,
  quality: { totalRows: 3, flaggedRows: 0, cleanRows: 3, score: 100, counts: {}, redactedRows: 0 },
  reviews: { count, approvals: 0, rejections: count, reviewsNeeded: 2 - count },
  sample: [],
});

const approved = (status: "pending" | "accepted", approvals: number, rejections: number): ReviewResultJson => ({
  review: { id: "r1", verdict: "approve" },
  decision: {
    status,
    approvals,
    rejections,
    needed: 0,
    reviewsNeeded: Math.max(0, 2 - approvals - rejections),
    why: "",
  },
  excludedRows: 0,
});

describe("withReview", () => {
  it("takes the item's review counts from the decision the server answered", () => {
    expect(withReview(item("a", "2025-01-01T00:00:00Z"), approved("accepted", 1, 0)).reviews).toEqual({
      count: 1,
      approvals: 1,
      rejections: 0,
      reviewsNeeded: 1,
    });
    expect(withReview(item("a", "2025-01-01T00:00:00Z", 1), approved("accepted", 1, 1)).reviews).toEqual({
      count: 2,
      approvals: 1,
      rejections: 1,
      reviewsNeeded: 0,
    });
  });
});

describe("queueWithReviewed", () => {
  const first = item("first", "2025-01-01T00:00:00Z");
  const second = item("second", "2025-01-02T00:00:00Z");
  const third = item("third", "2025-01-03T00:00:00Z");

  it("lists the server's items as they are when nothing was reviewed here", () => {
    expect(queueWithReviewed([first, second], {})).toEqual([
      { item: first, result: null },
      { item: second, result: null },
    ]);
  });

  it("keeps a reviewed item the refetched queue dropped, in its place, with its result and fresh counts", () => {
    const result = approved("accepted", 1, 0);
    const shown = queueWithReviewed([first, third], { second: { item: second, result } });
    expect(shown.map((s) => s.item.id)).toEqual(["first", "second", "third"]);
    expect(shown[1]).toEqual({
      item: { ...second, reviews: { count: 1, approvals: 1, rejections: 0, reviewsNeeded: 1 } },
      result,
    });
    expect(shown[0]?.result).toBeNull();
  });

  it("prefers the reviewed state while the queue still lists the item (before the refetch lands)", () => {
    const result = approved("pending", 1, 0);
    const shown = queueWithReviewed([first, second], { first: { item: first, result } });
    expect(shown.map((s) => [s.item.id, s.item.reviews.count, s.result !== null])).toEqual([
      ["first", 1, true],
      ["second", 0, false],
    ]);
  });
});
