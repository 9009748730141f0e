import type { Db } from "@/lib/db/client";
import { reviewAgreement } from "../versions";

/** How to read an alpha, after Krippendorff's own guidance (≥ 0.8 reliable, ≥ 0.667 tentative). */
export type AgreementLevel = "strong" | "tentative" | "weak" | "undefined";

export function agreementLevel(alpha: number | null): AgreementLevel {
  if (alpha === null) return "undefined";
  if (alpha >= 0.8) return "strong";
  if (alpha >= 0.667) return "tentative";
  return "weak";
}

/** Verdicts grouped by contribution, in the order contributions first appear. */
export function verdictsByContribution(reviews: readonly { contributionId: string; verdict: string }[]): string[][] {
  const grouped = new Map<string, string[]>();
  for (const r of reviews) {
    const list = grouped.get(r.contributionId);
    if (list) list.push(r.verdict);
    else grouped.set(r.contributionId, [r.verdict]);
  }
  return [...grouped.values()];
}

/**
 * Agreement between the reviewers of a Datanet over its decided contributions: Krippendorff's alpha
 * (nominal; any number of reviews per contribution) and, when every contribution had as many reviews,
 * Fleiss' kappa. Contributions with a single review are not comparable and are left out.
 */
export async function datanetAgreement(db: Db, datanetId: string) {
  const reviews = await db.review.findMany({
    where: { contribution: { datanetId, status: { in: ["accepted", "rejected"] } } },
    select: { contributionId: true, verdict: true },
    orderBy: { createdAt: "asc" },
  });
  const agreement = reviewAgreement(verdictsByContribution(reviews));
  return { ...agreement, level: agreementLevel(agreement.alpha) };
}
