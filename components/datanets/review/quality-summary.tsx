import { Progress } from "@/components/ui/progress";
import { formatCount } from "../format";
import type { QueueItemJson } from "./types";

const FLAG_NAMES: Record<string, string> = {
  ingest: "format problems",
  duplicate_in_contribution: "duplicates within",
  duplicate_in_datanet: "already in this Datanet",
  duplicate_in_other_datanet: "seen in other Datanets",
  near_duplicate: "near-duplicates",
  pii: "personal data / secrets",
};

/** The contribution's quality report in brief: the score, clean rows, and rows per flag. */
export function QualitySummary({ quality }: { quality: QueueItemJson["quality"] }) {
  const flags = Object.entries(quality.counts);
  return (
    <div className="grid gap-2 rounded-lg border bg-muted/30 p-3 text-sm">
      <div className="flex items-center justify-between gap-3">
        <span className="font-medium">Quality score</span>
        <span className="font-semibold tabular-nums">{quality.score.toFixed(1)} / 100</span>
      </div>
      <Progress value={quality.score} size="sm" aria-label="Quality score" />
      <p className="text-muted-foreground text-xs">
        {formatCount(quality.cleanRows)} clean of {formatCount(quality.totalRows)} rows
        {quality.redactedRows > 0 ? ` · ${formatCount(quality.redactedRows)} redacted before signing` : ""}
      </p>
      {flags.length > 0 ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label="Flagged rows by check">
          {flags.map(([type, n]) => (
            <li key={type}>
              <span className="font-medium tabular-nums">{formatCount(n)}</span>{" "}
              <span className="text-muted-foreground">{FLAG_NAMES[type] ?? type}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
