"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { plural } from "../format";
import { datanetApi, fetchJson } from "../versions/api-client";
import { EligibilityNotice } from "./eligibility-notice";
import { QueueItem } from "./queue-item";
import type { ReviewQueueJson } from "./types";

/** The signed-in reviewer's queue, or why they cannot review here. */
export function ReviewQueue({ datanet }: { datanet: { id: string; slug: string; kind: DatanetKind } }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["datanet-review-queue", datanet.id],
    queryFn: () => fetchJson<ReviewQueueJson>(datanetApi(datanet.id, "review-queue")),
    // Items stay on screen with their result after a review; a refetch would drop them.
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const onReviewed = () => {
    void queryClient.invalidateQueries({ queryKey: ["datanet-agreement", datanet.id] });
    void queryClient.invalidateQueries({ queryKey: ["datanet-rows", datanet.id] });
  };

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
              ? "Nothing waits for you."
              : `${plural(query.data.total, "contribution")} waiting for your review, oldest first.`}
            {query.data.ownPending > 0
              ? ` ${plural(query.data.ownPending, "pending contribution")} of yours ${query.data.ownPending === 1 ? "is" : "are"} left to other reviewers: nobody reviews their own.`
              : ""}
            {query.data.reviewedPending > 0
              ? ` You reviewed ${plural(query.data.reviewedPending, "other")} still waiting for more reviews.`
              : ""}
          </p>
          {query.data.items.length === 0 ? (
            <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed px-4 py-10 text-center">
              <Inbox className="size-6 text-muted-foreground" aria-hidden="true" />
              <p className="font-medium text-sm">The queue is empty</p>
              <p className="max-w-sm text-muted-foreground text-sm">
                New contributions appear here for review as soon as they are signed.
              </p>
            </div>
          ) : (
            query.data.items.map((item) => (
              <QueueItem
                key={item.id}
                item={item}
                kind={datanet.kind}
                slug={datanet.slug}
                datanetId={datanet.id}
                minReviews={query.data.settings.minReviews}
                onReviewed={onReviewed}
              />
            ))
          )}
        </>
      )}
    </section>
  );
}
