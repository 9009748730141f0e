"use client";

import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FlaggedRow, FlagType, QualityReport } from "@/lib/datanets/quality/report";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "../format";
import { FLAG_INFO, FLAG_ORDER, type FlagContext } from "./flag-text";
import { FlaggedRowCards } from "./flagged-row-cards";
import { FlaggedRowsTable } from "./flagged-rows-table";
import type { SampleRow } from "./types";

const PAGE = 50;

/**
 * Every flagged row with all its flags explained. Nothing is hidden: the list grows a page at a time, and can be
 * narrowed to one flag type. A table on wider screens, cards on phones.
 */
export function FlaggedRows({
  report,
  sample,
  context,
}: {
  report: QualityReport;
  sample: readonly SampleRow[];
  /** The Datanet contributed to and the Datanets the flags point into (names and slugs, for links). */
  context: FlagContext;
}) {
  const [filter, setFilter] = useState<FlagType | "all">("all");
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(
    () => (filter === "all" ? report.rows : report.rows.filter((r) => r.flags.some((f) => f.type === filter))),
    [filter, report.rows],
  );
  const byPosition = useMemo(() => new Map(sample.map((row) => [row.position, row])), [sample]);
  const sampled = useCallback(
    (row: FlaggedRow) => (row.index === null ? undefined : byPosition.get(row.index)),
    [byPosition],
  );

  if (report.rows.length === 0) {
    return (
      <p className="rounded-xl border border-dashed bg-card/60 px-4 py-6 text-center text-muted-foreground text-sm">
        No row was flagged: no problems, duplicates or personal data found.
      </p>
    );
  }

  const filters: (FlagType | "all")[] = ["all", ...FLAG_ORDER.filter((t) => report.counts[t] > 0)];
  const visible = rows.slice(0, shown);
  const caption = `Showing ${formatCount(visible.length)} of ${formatCount(rows.length)} flagged rows`;
  return (
    <div className="grid min-w-0 gap-3">
      <fieldset className="flex flex-wrap gap-1.5">
        <legend className="sr-only">Show rows with</legend>
        {filters.map((type) => {
          const count = type === "all" ? report.flaggedRows : report.counts[type];
          return (
            <Button
              key={type}
              size="sm"
              variant={filter === type ? "default" : "outline"}
              aria-pressed={filter === type}
              onClick={() => {
                setFilter(type);
                setShown(PAGE);
              }}
            >
              {type === "all" ? "All flags" : FLAG_INFO[type].label}
              <span className={cn("tabular-nums", filter === type ? "opacity-80" : "text-muted-foreground")}>
                {formatCount(count)}
              </span>
            </Button>
          );
        })}
      </fieldset>
      <div className="hidden sm:block">
        <FlaggedRowsTable rows={visible} sampled={sampled} context={context} caption={caption} />
      </div>
      <div className="sm:hidden">
        <FlaggedRowCards rows={visible} sampled={sampled} context={context} caption={caption} />
      </div>
      {rows.length > shown ? (
        <Button variant="outline" className="w-fit" onClick={() => setShown(shown + PAGE)}>
          Show {formatCount(Math.min(PAGE, rows.length - shown))} more
        </Button>
      ) : null}
    </div>
  );
}
