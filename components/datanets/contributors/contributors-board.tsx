"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useSession } from "@/components/wallet/session-context";
import { datanetApi, fetchJson } from "../versions/api-client";
import { AcceptedRowsChart } from "./accepted-rows-chart";
import { LeaderboardTable } from "./leaderboard-table";
import type { ContributorStandingJson } from "./types";

/** The Contributors tab's content: the leaderboard and a chart of the top contributors' accepted rows. */
export function ContributorsBoard({ datanetId }: { datanetId: string }) {
  const { session } = useSession();
  const query = useQuery({
    queryKey: ["datanet-contributors", datanetId],
    queryFn: () => fetchJson<{ contributors: ContributorStandingJson[] }>(datanetApi(datanetId, "contributors")),
  });
  if (query.isPending) {
    return (
      <div className="grid gap-2" role="status" aria-busy="true" aria-label="Loading contributors">
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <p
        role="alert"
        className="rounded-lg border border-destructive/30 bg-destructive/5 px-3 py-2 text-destructive text-sm"
      >
        Could not load the contributors: {query.error.message}
      </p>
    );
  }
  const { contributors } = query.data;
  if (contributors.length === 0) {
    return (
      <EmptyState
        icon={Users}
        title="No contributors yet"
        description="Whoever adds rows shows up here, ranked by accepted rows, with their share of the Datanet."
      />
    );
  }
  const totalRows = contributors.reduce((sum, c) => sum + c.acceptedRows, 0);
  return (
    <section aria-label="Contributors" className="grid gap-4">
      <LeaderboardTable contributors={contributors} totalRows={totalRows} viewer={session.address} />
      <AcceptedRowsChart contributors={contributors} className="lg:max-w-2xl" />
    </section>
  );
}
