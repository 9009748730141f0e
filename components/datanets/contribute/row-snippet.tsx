import type { FlaggedRow } from "@/lib/datanets/quality/report";
import type { SampleRow } from "./types";

/** A flagged row's text (the preview carries the first rows and up to 500 flagged ones); otherwise why it is not shown. */
export function RowSnippet({ row, sampled }: { row: FlaggedRow; sampled: SampleRow | undefined }) {
  if (!sampled) {
    return (
      <span className="text-muted-foreground text-xs italic">
        {row.index === null
          ? "Not a row: this line could not be read."
          : "Text not in the preview (it carries the first 500 flagged rows)."}
      </span>
    );
  }
  const text = Object.values(sampled.fields).join(" · ");
  return (
    <span className="line-clamp-3 whitespace-pre-wrap break-words text-xs" title={text}>
      {text}
    </span>
  );
}
