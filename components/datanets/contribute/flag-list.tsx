import type { FlaggedRow } from "@/lib/datanets/quality/report";
import { FlagBadge } from "./flag-badge";
import { describeFlag, flagTone } from "./flag-text";

/** All the flags of one row, each as a badge and the sentence that explains it. */
export function FlagList({ row, datanetId }: { row: FlaggedRow; datanetId: string }) {
  return (
    <ul className="grid gap-1.5">
      {row.flags.flatMap((flag, i) =>
        describeFlag(flag, row.file, datanetId).map((d, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row's flags never change order; the position is the identity
          <li key={`${i}-${j}`} className="flex flex-col items-start gap-1">
            <FlagBadge tone={flagTone(flag)} label={d.label} />
            <span className="break-words text-muted-foreground text-xs">{d.detail}</span>
          </li>
        )),
      )}
    </ul>
  );
}
