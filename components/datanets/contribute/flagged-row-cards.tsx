import type { FlaggedRow } from "@/lib/datanets/quality/report";
import { FlagList } from "./flag-list";
import type { FlagContext } from "./flag-text";
import { RowSnippet } from "./row-snippet";
import type { SampleRow } from "./types";

/** Flagged rows as stacked cards, for phones: the same content as the table, without sideways scrolling. */
export function FlaggedRowCards({
  rows,
  sampled,
  context,
  caption,
}: {
  rows: readonly FlaggedRow[];
  sampled: (row: FlaggedRow) => SampleRow | undefined;
  context: FlagContext;
  caption: string;
}) {
  return (
    <div className="grid gap-2">
      <ul aria-label="Flagged rows" className="grid gap-2">
        {rows.map((row) => (
          <li key={`${row.file}:${row.line}`} className="grid min-w-0 gap-2 rounded-xl border bg-card p-3 shadow-xs">
            <p className="truncate font-mono text-muted-foreground text-xs" title={`${row.file}:${row.line}`}>
              {row.file}:{row.line}
            </p>
            <FlagList row={row} context={context} />
            <div className="border-t pt-2">
              <RowSnippet row={row} sampled={sampled(row)} />
            </div>
          </li>
        ))}
      </ul>
      <p className="text-muted-foreground text-xs">{caption}</p>
    </div>
  );
}
