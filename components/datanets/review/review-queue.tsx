"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { plural } from "../format";
import { datanetApi, fetchJson } from "../versions/api-client";
import { EligibilityNotice } from "./eligibility-notice";
import { QueueItem } from "./queue-item";
import { queueWithReviewed, type ReviewedItem } from "./reviewed-items";
import type { QueueItemJson, ReviewQueueJson, ReviewResultJson } from "./types";

/** The signed-in reviewer's queue, or why they cannot review here. */
export function ReviewQueue({ datanet }: { datanet: { id: string; slug: string; kind: DatanetKind } }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const query = useQuery({
    queryKey: ["datanet-review-queue", datanet.id],
    queryFn: () => fetchJson<ReviewQueueJson>(datanetApi(datanet.id, "review-queue")),
    // The reviewer reads long samples: the list does not move under them when they come back to the window.
    refetchOnWindowFocus: false,
  });
  // Reviewed here: the refetched queue no longer lists them, but they stay on screen with their result.
  const [reviewed, setReviewed] = useState<Record<string, ReviewedItem>>({});
  const onReviewed = (item: QueueItemJson, result: ReviewResultJson) => {
    setReviewed((current) => ({ ...current, [item.id]: { item, result } }));
    // Everything a review changes: the queue and its counts, the contribution's decision, the accepted rows,
    // the contributors, agreement, what a new version would publish, and the page's server-rendered stats.
    for (const key of [
      "datanet-review-queue",
      "datanet-my-contributions",
      "datanet-agreement",
      "datanet-rows",
      "datanet-contributors",
      "datanet-versions",
    ]) {
      void queryClient.invalidateQueries({ queryKey: [key, datanet.id] });
    }
    router.refresh();
  };
  const items = query.data ? queueWithReviewed(query.data.items, reviewed) : [];

  return (
    <section aria-labelledby="review-queue-title" className="grid gap-3">
      <h2 id="review-queue-title" className="font-semibold text-lg tracking-tight">
        Review queue
      </h2>
      {query.isPending ? (
        <Skeleton className="h-64 w-full" role="status" aria-label="Loading the review queue" />
      ) : query.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not load the queue: {query.error.message}
        </p>
      ) : !query.data.eligibility.ok ? (
        <EligibilityNotice eligibility={query.data.eligibility} />
      ) : (
        <>
          <p className="text-muted-foreground text-sm">
            {query.data.total === 0
              ? Object.keys(reviewed).length > 0
                ? "Nothing else waits for you."
                : "Nothing waits for you."
              : `${plural(query.data.total, "contribution")} waiting for your review, oldest first.`}
            {query.data.ownPending > 0
              ? ` ${plural(query.data.ownPending, "pending contribution")} of yours ${query.data.ownPending === 1 ? "is" : "are"} left to other reviewers: nobody reviews their own.`
              : ""}
            {query.data.reviewedPending > 0
              ? ` You reviewed ${plural(query.data.reviewedPending, "other")} still waiting for more reviews.`
              : ""}
          </p>
          {items.length === 0 ? (
            <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed px-4 py-10 text-center">
              <Inbox className="size-6 text-muted-foreground" aria-hidden="true" />
              <p className="font-medium text-sm">The queue is empty</p>
              <p className="max-w-sm text-muted-foreground text-sm">
                New contributions appear here for review as soon as they are signed.
              </p>
            </div>
          ) : (
            items.map(({ item, result }) => (
              <QueueItem
                key={item.id}
                item={item}
                kind={datanet.kind}
                slug={datanet.slug}
                datanetId={datanet.id}
                minReviews={query.data.settings.minReviews}
                result={result}
                onReviewed={(answer) => onReviewed(item, answer)}
              />
            ))
          )}
        </>
      )}
    </section>
  );
}
