import type { Address } from "viem";
import type { Db } from "@/lib/db/client";
import { contributionDecision, type Decision, eligibleInvitedReviewers, type ReviewSettings } from "../versions";
import { summarizeQualityReport } from "./quality-summary";

/** A review as its contributor reads it: who, what, why, and which rows. */
export interface ReviewForContributor {
  reviewer: string;
  verdict: "approve" | "reject";
  reason: string;
  rowRejections: { position: number; reason: string }[];
  createdAt: Date;
}

/** One of the viewer's contributions to a Datanet, with where it stands and what reviewers said. */
export interface MyContribution {
  id: string;
  status: "pending" | "accepted" | "rejected";
  rowCount: number;
  /** Rows of an accepted contribution left out of versions by reviewers. */
  rejectedRows: number;
  qualityScore: number;
  createdAt: Date;
  decidedAt: Date | null;
  decision: Decision;
  reviews: ReviewForContributor[];
}

/** The contributions a user made to a Datanet, newest first, with decisions and every reviewer's reasons. */
export async function contributionsOf(db: Db, datanetId: string, userId: string): Promise<MyContribution[]> {
  const datanet = await db.datanet.findUniqueOrThrow({ where: { id: datanetId }, include: { invites: true } });
  const settings: ReviewSettings = {
    minReviews: datanet.minReviews,
    approvalThreshold: datanet.approvalThreshold,
    reviewers: datanet.reviewerPolicy,
    invited: datanet.invites.map((i) => i.address),
  };
  const contributions = await db.contribution.findMany({
    where: { datanetId, contributorId: userId },
    orderBy: { createdAt: "desc" },
    include: { contributor: true, reviews: { include: { reviewer: true }, orderBy: { createdAt: "asc" } } },
  });
  const rejected = await db.datanetRow.groupBy({
    by: ["contributionId"],
    where: { contributionId: { in: contributions.map((c) => c.id) }, rejected: true },
    _count: true,
  });
  const rejectedBy = new Map(rejected.map((g) => [g.contributionId, g._count]));
  return contributions.map((c) => {
    const eligible = eligibleInvitedReviewers(settings, c.contributor.address as Address);
    const decision = contributionDecision(
      c.reviews.map((r) => ({ reviewer: r.reviewer.address as Address, verdict: r.verdict })),
      settings,
      eligible === undefined ? {} : { eligibleReviewers: eligible },
    );
    return {
      id: c.id,
      status: c.status,
      rowCount: c.rowCount,
      rejectedRows: rejectedBy.get(c.id) ?? 0,
      qualityScore: summarizeQualityReport(c.qualityReport).score,
      createdAt: c.createdAt,
      decidedAt: c.decidedAt,
      decision,
      reviews: c.reviews.map((r) => ({
        reviewer: r.reviewer.address,
        verdict: r.verdict,
        reason: r.reason,
        rowRejections: (r.rowRejections as { position: number; reason: string }[]) ?? [],
        createdAt: r.createdAt,
      })),
    };
  });
}
