import { Clock, GitCommitVertical, Rows3, ShieldCheck, Users } from "lucide-react";
import { Stat } from "@/components/ui/stat";
import type { DatanetDetail } from "@/lib/datanets/get";
import { formatCount, plural } from "./format";

/** Rows, contributors, versions, quality and what waits for review, as stat cards. */
export function DatanetStats({ stats }: { stats: DatanetDetail["stats"] }) {
  const pending = stats.contributions.pending;
  return (
    <section aria-label="Statistics" className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
      <Stat label="Rows" icon={Rows3} value={formatCount(stats.rows)} hint={`${plural(stats.rows, "row")} accepted`} />
      <Stat
        label="Contributors"
        icon={Users}
        value={formatCount(stats.contributors)}
        hint={`${plural(stats.contributions.accepted, "contribution")} accepted`}
      />
      <Stat
        label="Versions"
        icon={GitCommitVertical}
        value={formatCount(stats.versions)}
        hint={stats.versions === 0 ? "none published yet" : "published on-chain"}
      />
      <Stat
        label="Quality"
        icon={ShieldCheck}
        value={stats.cleanShare === null ? "—" : `${Math.round(stats.cleanShare * 100)}%`}
        hint={stats.cleanShare === null ? "no accepted rows yet" : "of rows with no quality flag"}
      />
      <Stat
        label="Pending"
        icon={Clock}
        value={formatCount(pending)}
        hint={
          pending === 0
            ? `nothing waiting · ${plural(stats.contributions.rejected, "rejection")}`
            : `${plural(stats.pendingRows, "row")} waiting for review`
        }
        className="col-span-2 md:col-span-1"
      />
    </section>
  );
}
