import Link from "next/link";
import type { FlaggedRow } from "@/lib/datanets/quality/report";
import { FlagBadge } from "./flag-badge";
import { type DetailPart, describeFlag, type FlagContext, flagTone } from "./flag-text";

/** A flag's sentence; a stored row it names links to its Datanet's Rows tab, in a new tab (the check stays here). */
function Detail({ parts }: { parts: readonly DetailPart[] }) {
  return (
    <span className="break-words text-muted-foreground text-xs">
      {parts.map((part, i) =>
        typeof part === "string" ? (
          part
        ) : (
          <Link
            // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts never reorder
            key={i}
            href={part.href}
            target="_blank"
            rel="noopener"
            className="font-medium text-foreground underline underline-offset-2 hover:text-primary"
          >
            {part.text}
            <span className="sr-only"> (opens in a new tab)</span>
          </Link>
        ),
      )}
    </span>
  );
}

/** All the flags of one row, each as a badge and the sentence that explains it. */
export function FlagList({ row, context }: { row: FlaggedRow; context: FlagContext }) {
  return (
    <ul className="grid gap-1.5">
      {row.flags.flatMap((flag, i) =>
        describeFlag(flag, row.file, context).map((d, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row's flags never change order; the position is the identity
          <li key={`${i}-${j}`} className="flex flex-col items-start gap-1">
            <FlagBadge tone={flagTone(flag)} label={d.label} />
            <Detail parts={d.detail} />
          </li>
        )),
      )}
    </ul>
  );
}
