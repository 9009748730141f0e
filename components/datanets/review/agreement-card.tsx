"use client";

import { useQuery } from "@tanstack/react-query";
import { Scale } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { plural } from "../format";
import { datanetApi, fetchJson } from "../versions/api-client";
import type { AgreementJson } from "./types";

const LEVEL: Record<AgreementJson["level"], string> = {
  strong: "Reviewers agree strongly",
  tentative: "Reviewers mostly agree",
  weak: "Reviewers often disagree",
  undefined: "Not enough to measure yet",
};

/** Inter-reviewer agreement over the Datanet's decided contributions (Krippendorff's alpha). */
export function AgreementCard({ datanetId }: { datanetId: string }) {
  const query = useQuery({
    queryKey: ["datanet-agreement", datanetId],
    queryFn: () => fetchJson<{ agreement: AgreementJson }>(datanetApi(datanetId, "agreement")),
  });
  return (
    <section aria-labelledby="agreement-title" className="grid gap-2 rounded-xl border bg-card p-4 shadow-xs">
      <h2 id="agreement-title" className="flex items-center gap-2 font-medium text-sm">
        <Scale className="size-4 text-primary" aria-hidden="true" />
        Reviewer agreement
      </h2>
      {query.isPending ? (
        <Skeleton className="h-12 w-full" />
      ) : query.isError ? (
        <p className="text-destructive text-sm">Could not load it: {query.error.message}</p>
      ) : (
        <>
          <p className="flex items-baseline gap-2">
            <span className="font-semibold text-2xl tabular-nums" data-testid="agreement-alpha">
              {query.data.agreement.alpha === null ? "—" : `α = ${query.data.agreement.alpha.toFixed(2)}`}
            </span>
            <span className="text-muted-foreground text-sm">{LEVEL[query.data.agreement.level]}</span>
          </p>
          <p className="text-muted-foreground text-xs">
            Krippendorff’s alpha over {plural(query.data.agreement.contributions, "decided contribution")} with two or
            more reviews ({plural(query.data.agreement.reviews, "review")}): 1 is full agreement, 0 is no better than
            chance; 0.8 and above is reliable.
          </p>
        </>
      )}
    </section>
  );
}
