import { Scale } from "lucide-react";
import type { DatanetDetail } from "@/lib/datanets/get";
import { plural, shortAddress } from "./format";

/** The review rule in plain words: "needs 2 reviews, approved at ≥ 67%, by stakers". */
export function reviewRuleInWords(review: DatanetDetail["review"]): string {
  const who = review.reviewers === "stakers" ? "by stakers" : `by ${plural(review.invited.length, "invited reviewer")}`;
  return `Needs ${plural(review.minReviews, "review")}, approved at ≥ ${Math.round(review.approvalThreshold * 100)}%, ${who}.`;
}

/** How contributions are decided, with the invited reviewers when there is a list. */
export function ReviewSettingsSummary({ review }: { review: DatanetDetail["review"] }) {
  return (
    <section aria-labelledby="review-rule" className="flex flex-col gap-3 rounded-xl border bg-card p-5 shadow-xs">
      <h2 id="review-rule" className="flex items-center gap-2 font-semibold">
        <Scale className="size-4 text-primary" aria-hidden="true" />
        Review
      </h2>
      <p className="text-sm">{reviewRuleInWords(review)}</p>
      <p className="text-muted-foreground text-xs leading-relaxed">
        A contribution counts once {plural(review.minReviews, "reviewer")} have decided on it and at least{" "}
        {Math.round(review.approvalThreshold * 100)}% of them approve. Nobody reviews their own.
      </p>
      {review.reviewers === "invited" && review.invited.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Invited reviewers">
          {review.invited.map((address) => (
            <li key={address} className="rounded-md bg-muted px-1.5 py-0.5 font-mono text-xs" title={address}>
              {shortAddress(address)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
