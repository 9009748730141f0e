import type { RowField } from "@/lib/datanets/ingest/types";
import type { SampleRow } from "./types";

/** Sample rows as stacked cards, for phones: each field labelled, no sideways scrolling. */
export function SampleRowCards({
  sample,
  fields,
  caption,
}: {
  sample: readonly SampleRow[];
  fields: readonly RowField[];
  caption: string;
}) {
  return (
    <div className="grid gap-2">
      <ul aria-label="Sample of parsed rows" className="grid gap-2">
        {sample.map((row) => (
          <li key={row.position} className="grid min-w-0 gap-2 rounded-xl border bg-card p-3 shadow-xs">
            <p className="truncate font-mono text-muted-foreground text-xs" title={`${row.file}:${row.line}`}>
              {row.file}:{row.line}
            </p>
            <dl className="grid gap-1.5">
              {fields.map((field) => {
                const value = row.fields[field] ?? "";
                return (
                  <div key={field} className="grid gap-0.5">
                    <dt className="font-mono text-muted-foreground text-xs">{field}</dt>
                    <dd className="line-clamp-4 whitespace-pre-wrap break-words text-sm">
                      {value === "" ? <span className="text-muted-foreground italic">empty</span> : value}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </li>
        ))}
      </ul>
      <p className="text-muted-foreground text-xs">{caption}</p>
    </div>
  );
}
