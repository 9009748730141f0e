"use client";

import { CircleCheck, LoaderCircle, ThumbsDown, ThumbsUp } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { ContributorLink } from "../contributors/contributor-link";
import { plural } from "../format";
import { ApiError, fetchJson } from "../versions/api-client";
import { decisionSummary } from "./decision-summary";
import { QualitySummary } from "./quality-summary";
import { SampleRow } from "./sample-row";
import type { QueueItemJson, ReviewResultJson } from "./types";

/** Sampled rows shown before "show all". */
const FIRST_ROWS = 5;
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

type QueueItemProps = {
  item: QueueItemJson;
  kind: DatanetKind;
  slug: string;
  datanetId: string;
  minReviews: number;
  /** The server's answer to this reviewer's review, once they sent it. */
  result: ReviewResultJson | null;
  onReviewed: (result: ReviewResultJson) => void;
};

/** One contribution to review: the report, a sample of rows to reject one by one, and the verdict. */
export function QueueItem({ item, kind, slug, datanetId, minReviews, result, onReviewed }: QueueItemProps) {
  const reasonId = useId();
  const [rejections, setRejections] = useState<Record<number, string>>({});
  const [reason, setReason] = useState("");
  const [showAll, setShowAll] = useState(false);
  const [sending, setSending] = useState<"approve" | "reject" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rowRejections = Object.entries(rejections).map(([position, why]) => ({
    position: Number(position),
    reason: why.trim(),
  }));
  const rowsInvalid = rowRejections.some((r) => r.reason.length < 3);
  const shown = showAll ? item.sample : item.sample.slice(0, FIRST_ROWS);

  const submit = async (verdict: "approve" | "reject") => {
    setError(null);
    if (verdict === "reject" && reason.trim().length < 3) {
      setError("Say why you reject it (at least 3 characters): the contributor reads your reason.");
      return;
    }
    if (rowsInvalid) {
      setError("Give each rejected row a reason of at least 3 characters.");
      return;
    }
    setSending(verdict);
    try {
      const body = await fetchJson<ReviewResultJson>(`/api/contributions/${encodeURIComponent(item.id)}/reviews`, {
        json: { verdict, reason: reason.trim(), rowRejections },
      });
      onReviewed(body);
    } catch (caught) {
      setError(caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSending(null);
    }
  };

  return (
    <article
      className="grid gap-4 rounded-xl border bg-card p-4 shadow-xs sm:p-5"
      aria-labelledby={`review-${item.id}-title`}
      id={`review-${item.id}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <h3 id={`review-${item.id}-title`} className="font-semibold">
            {plural(item.rowCount, "row")} from <ContributorLink slug={slug} address={item.contributor} />
          </h3>
          <p className="text-muted-foreground text-xs">
            Submitted {date.format(new Date(item.createdAt))} · {item.reviews.count} of {minReviews} reviews so far
            {item.reviews.count > 0 ? ` (${plural(item.reviews.approvals, "approval")})` : ""}
          </p>
        </div>
      </header>
      <QualitySummary quality={item.quality} />
      <section className="grid gap-2" aria-label="Sampled rows">
        <h4 className="font-medium text-sm">
          Sample: {plural(item.sample.length, "row")}
          {item.sample.some((row) => row.flags.length > 0) ? (
            <span className="font-normal text-muted-foreground"> · flagged rows first</span>
          ) : null}
        </h4>
        <ul className="grid gap-2">
          {shown.map((row) => (
            <SampleRow
              key={row.position}
              row={row}
              kind={kind}
              datanetId={datanetId}
              rejection={rejections[row.position]}
              onRejection={(why) =>
                setRejections((current) => {
                  const next = { ...current };
                  if (why === undefined) delete next[row.position];
                  else next[row.position] = why;
                  return next;
                })
              }
              disabled={result !== null || sending !== null}
            />
          ))}
        </ul>
        {item.sample.length > FIRST_ROWS ? (
          <Button variant="ghost" size="sm" className="justify-self-start" onClick={() => setShowAll((v) => !v)}>
            {showAll ? "Show fewer rows" : `Show all ${item.sample.length} sampled rows`}
          </Button>
        ) : null}
      </section>
      {result ? (
        <p
          role="status"
          className="flex items-center gap-2 rounded-lg border border-primary/25 bg-accent/60 px-3 py-2 font-medium text-sm"
        >
          <CircleCheck className="size-4 shrink-0 text-primary" aria-hidden="true" />
          You {result.review.verdict === "approve" ? "approved" : "rejected"} it: {decisionSummary(result.decision)}
          {result.excludedRows > 0 ? ` · ${plural(result.excludedRows, "row")} left out` : ""}.
        </p>
      ) : (
        <div className="grid gap-2">
          <Label htmlFor={reasonId}>Reason</Label>
          <Textarea
            id={reasonId}
            rows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Optional for an approval, required for a rejection: what should the contributor fix?"
            maxLength={2_000}
            disabled={sending !== null}
          />
          {error ? (
            <p role="alert" className="text-destructive text-sm">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => submit("approve")} disabled={sending !== null}>
              {sending === "approve" ? (
                <LoaderCircle className="animate-spin" aria-hidden="true" />
              ) : (
                <ThumbsUp aria-hidden="true" />
              )}
              Approve
              {rowRejections.length > 0 ? ` without ${plural(rowRejections.length, "row")}` : ""}
            </Button>
            <Button variant="outline" onClick={() => submit("reject")} disabled={sending !== null}>
              {sending === "reject" ? (
                <LoaderCircle className="animate-spin" aria-hidden="true" />
              ) : (
                <ThumbsDown aria-hidden="true" />
              )}
              Reject
            </Button>
          </div>
        </div>
      )}
    </article>
  );
}
