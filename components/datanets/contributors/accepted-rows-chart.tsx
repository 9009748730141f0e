import { AddressAvatar } from "@/components/wallet/address-avatar";
import { cn } from "@/lib/utils/cn";
import { formatCount, shortAddress } from "../format";
import type { ContributorStandingJson } from "./types";

/**
 * Accepted rows of the top 10 contributors as a horizontal bar chart, in plain markup (recharts is not
 * installed): it follows the theme and reads out as a list to screen readers.
 */
export function AcceptedRowsChart({
  contributors,
  className,
}: {
  contributors: ContributorStandingJson[];
  className?: string;
}) {
  const top = contributors.filter((c) => c.acceptedRows > 0).slice(0, 10);
  if (top.length === 0) return null;
  const max = Math.max(...top.map((c) => c.acceptedRows));
  return (
    <figure className={cn("grid gap-3 rounded-xl border bg-card p-4 shadow-xs", className)}>
      <figcaption className="font-medium text-sm">Accepted rows, top {top.length}</figcaption>
      <ol className="grid gap-2">
        {top.map((c) => (
          <li key={c.address} className="grid grid-cols-[7.5rem_minmax(0,1fr)] items-center gap-3 text-xs">
            <span className="flex items-center gap-1.5 font-mono" title={c.address}>
              <AddressAvatar address={c.address} size={14} />
              {shortAddress(c.address)}
            </span>
            <span className="flex items-center gap-2">
              <span
                className="h-4 rounded-sm bg-primary/80"
                style={{ width: `${Math.max(2, (c.acceptedRows / max) * 100)}%` }}
                aria-hidden="true"
              />
              <span className="shrink-0 tabular-nums">{formatCount(c.acceptedRows)}</span>
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
