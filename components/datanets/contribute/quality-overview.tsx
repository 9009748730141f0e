import { Progress } from "@/components/ui/progress";
import type { QualityReport } from "@/lib/datanets/quality/report";
import { cn } from "@/lib/utils/cn";
import { formatCount, plural } from "../format";
import { FlagBadge } from "./flag-badge";
import { FLAG_INFO, FLAG_ORDER } from "./flag-text";

/** What the score means in a word. */
function verdict(score: number): { word: string; className: string } {
  if (score >= 90) return { word: "Clean", className: "text-primary" };
  if (score >= 70) return { word: "Needs a look", className: "text-token" };
  return { word: "Many problems", className: "text-destructive" };
}

/** The quality report at a glance: the score, clean and flagged rows, and how many rows carry each flag. */
export function QualityOverview({ report, redactedRows }: { report: QualityReport; redactedRows: number }) {
  const { word, className } = verdict(report.score);
  return (
    <div className="grid gap-3">
      <div className="grid gap-3 rounded-xl border bg-card p-4 shadow-xs sm:grid-cols-[auto_minmax(0,1fr)] sm:items-center sm:gap-6">
        <div className="grid gap-0.5">
          <p className="font-medium text-muted-foreground text-sm">Quality score</p>
          <p className="font-semibold text-3xl tabular-nums tracking-tight">
            {report.score.toFixed(1)}
            <span className="font-normal text-base text-muted-foreground"> / 100</span>
          </p>
          <p className={cn("font-medium text-sm", className)}>{word}</p>
        </div>
        <div className="grid gap-2">
          <Progress value={report.score} aria-label={`Quality score ${report.score} of 100`} />
          <p className="text-muted-foreground text-sm">
            {plural(report.totalRows, "row")} checked: {formatCount(report.cleanRows)} clean,{" "}
            <span className={report.flaggedRows > 0 ? "font-medium text-foreground" : undefined}>
              {formatCount(report.flaggedRows)} flagged
            </span>
            {redactedRows > 0 ? `, ${plural(redactedRows, "row")} redacted` : ""}. Flagged rows are kept and shown to
            reviewers with their flags.
          </p>
        </div>
      </div>
      <ul aria-label="Rows per flag" className="grid grid-cols-2 gap-3 md:grid-cols-3">
        {FLAG_ORDER.map((type) => {
          const info = FLAG_INFO[type];
          const count = report.counts[type];
          return (
            <li
              key={type}
              data-flag-type={type}
              className={cn(
                "grid content-start gap-1.5 rounded-xl border bg-card p-3 shadow-xs",
                count === 0 && "bg-card/60",
              )}
            >
              <FlagBadge tone={info.tone} label={info.label} />
              <p className={cn("font-semibold text-2xl tabular-nums", count === 0 && "text-muted-foreground")}>
                {formatCount(count)}
              </p>
              <p className="text-muted-foreground text-xs leading-snug">{info.explains}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
