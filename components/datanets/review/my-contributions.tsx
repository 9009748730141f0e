"use client";

import { useQuery } from "@tanstack/react-query";
import { ThumbsDown, ThumbsUp } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { AddressAvatar } from "@/components/wallet/address-avatar";
import { plural, shortAddress } from "../format";
import { ContributionStatusBadge } from "../rows/contribution-status-badge";
import { datanetApi, fetchJson } from "../versions/api-client";
import { decisionSummary } from "./decision-summary";
import type { MyContributionJson } from "./types";

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** The viewer's contributions to this Datanet: status, decision, and each reviewer's verdict and reasons. */
export function MyContributions({ datanetId }: { datanetId: string }) {
  const query = useQuery({
    queryKey: ["datanet-my-contributions", datanetId],
    queryFn: () => fetchJson<{ contributions: MyContributionJson[] }>(datanetApi(datanetId, "my-contributions")),
  });
  return (
    <section aria-labelledby="my-contributions-title" className="grid gap-3">
      <h2 id="my-contributions-title" className="font-semibold text-lg tracking-tight">
        My contributions
      </h2>
      {query.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : query.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not load your contributions: {query.error.message}
        </p>
      ) : query.data.contributions.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-muted-foreground text-sm">
          You have not contributed to this Datanet yet. Your contributions, their decisions and the reviewers’ reasons
          will show here.
        </p>
      ) : (
        <ul className="grid gap-3">
          {query.data.contributions.map((c) => (
            <li key={c.id} className="grid gap-2 rounded-xl border bg-card p-4 shadow-xs" id={`contribution-${c.id}`}>
              <div className="flex flex-wrap items-center gap-2">
                <ContributionStatusBadge status={c.status} />
                <span className="font-medium text-sm">{plural(c.rowCount, "row")}</span>
                <span className="text-muted-foreground text-xs">
                  submitted {date.format(new Date(c.createdAt))} · quality {c.qualityScore.toFixed(0)}/100
                </span>
              </div>
              <p className="text-sm">
                {decisionSummary(c.decision)}
                {c.rejectedRows > 0 ? ` · ${plural(c.rejectedRows, "row")} left out by reviewers` : ""}
              </p>
              {c.reviews.length > 0 ? (
                <ul className="grid gap-2 border-t pt-2" aria-label="Reviews">
                  {c.reviews.map((r) => (
                    <li key={`${r.reviewer}-${r.createdAt}`} className="grid gap-1 text-sm">
                      <p className="flex flex-wrap items-center gap-1.5">
                        {r.verdict === "approve" ? (
                          <ThumbsUp className="size-3.5 text-emerald-600 dark:text-emerald-400" aria-hidden="true" />
                        ) : (
                          <ThumbsDown className="size-3.5 text-destructive" aria-hidden="true" />
                        )}
                        <span className="font-medium">{r.verdict === "approve" ? "Approved" : "Rejected"}</span>
                        <span className="text-muted-foreground">by</span>
                        <AddressAvatar address={r.reviewer} size={14} />
                        <span className="font-mono text-xs" title={r.reviewer}>
                          {shortAddress(r.reviewer)}
                        </span>
                      </p>
                      {r.reason ? <p className="text-muted-foreground">“{r.reason}”</p> : null}
                      {r.rowRejections.length > 0 ? (
                        <ul className="grid gap-0.5 text-xs">
                          {r.rowRejections.map((row) => (
                            <li key={row.position}>
                              Row {row.position + 1}: <span className="text-muted-foreground">{row.reason}</span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
