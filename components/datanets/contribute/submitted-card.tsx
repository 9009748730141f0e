import { CircleCheck, ClipboardCheck, Upload } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { plural } from "../format";
import { CopyValue } from "./copy-value";
import type { SubmittedContribution } from "./types";

/** The contribution is stored and waits for its reviewers. */
export function SubmittedCard({
  submitted,
  slug,
  minReviews,
  onMore,
}: {
  submitted: SubmittedContribution;
  slug: string;
  minReviews: number;
  onMore: () => void;
}) {
  const { contribution, report } = submitted;
  return (
    <section
      aria-labelledby="submitted-title"
      className="relative overflow-hidden rounded-2xl border border-primary/25 bg-card px-6 py-10 text-center shadow-xs sm:px-12"
    >
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 bg-[radial-gradient(ellipse_at_top,color-mix(in_oklab,var(--primary)_12%,transparent),transparent_60%)]"
      />
      <div className="relative mx-auto flex max-w-xl flex-col items-center gap-3">
        <span className="flex size-14 items-center justify-center rounded-2xl border bg-background text-primary shadow-sm">
          <CircleCheck className="size-7" aria-hidden="true" />
        </span>
        <div role="status">
          <h2 id="submitted-title" className="text-balance font-semibold text-xl tracking-tight">
            Contribution submitted: {plural(contribution.rowCount, "row")}, pending review by{" "}
            {plural(minReviews, "reviewer")}
          </h2>
        </div>
        <p className="text-pretty text-muted-foreground">
          Your signed rows are stored with their quality report (score {report.score.toFixed(1)}). Once {minReviews}{" "}
          {minReviews === 1 ? "reviewer approves" : "reviewers approve"}, they can go into the next version of this
          Datanet, and you earn from models trained on it.
        </p>
        <div className="flex min-w-0 max-w-full items-center gap-2 text-muted-foreground text-sm">
          Content root <CopyValue value={contribution.contentRoot} label="Copy the content root" />
        </div>
        <div className="mt-3 flex flex-wrap items-center justify-center gap-3">
          <Button asChild>
            <Link href={`/datanets/${slug}?tab=review`}>
              <ClipboardCheck aria-hidden="true" />
              Go to Review
            </Link>
          </Button>
          <Button variant="outline" onClick={onMore}>
            <Upload aria-hidden="true" />
            Contribute more files
          </Button>
        </div>
      </div>
    </section>
  );
}
