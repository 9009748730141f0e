import type { Address } from "viem";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import {
  acceptedRows,
  canReview,
  contributionDecision,
  eligibleInvitedReviewers,
  type Review,
  type ReviewSettings,
} from "../versions";
import type { ReviewInput } from "./schemas";

type StoredRejection = { position: number; reason: string };

/** A stored review in the form the review rules read (row ids are positions in the contribution). */
function asReview(r: {
  verdict: "approve" | "reject";
  reason: string;
  rowRejections: unknown;
  reviewer: { address: string };
}): Review {
  const rejections = (r.rowRejections as StoredRejection[]).map((x) => ({
    rowId: String(x.position),
    reason: x.reason,
  }));
  return { reviewer: r.reviewer.address as Address, verdict: r.verdict, reason: r.reason, rowRejections: rejections };
}

/**
 * Records a review and applies the Datanet's rules in one transaction (the contribution row is locked,
 * so concurrent reviews are decided in turn): the reviewer must be eligible (not the contributor;
 * invited, or holding the reviewer stake) and not have reviewed it; when quorum and threshold decide
 * the contribution, its status changes, and on acceptance the rows a majority of reviewers rejected
 * are marked rejected.
 */
export async function submitReview(
  db: Db,
  input: {
    contributionId: string;
    reviewer: { userId: string; address: Address };
    review: ReviewInput;
    isStaker: (address: Address) => Promise<boolean>;
  },
) {
  const { reviewer, review } = input;
  const contribution = await db.contribution.findUnique({
    where: { id: input.contributionId },
    include: { contributor: true, datanet: { include: { invites: true } } },
  });
  if (!contribution) {
    throw new DomainError("contribution_not_found", `No contribution "${input.contributionId}".`, 404);
  }
  const { datanet } = contribution;
  const settings: ReviewSettings = {
    minReviews: datanet.minReviews,
    approvalThreshold: datanet.approvalThreshold,
    reviewers: datanet.reviewerPolicy,
    invited: datanet.invites.map((i) => i.address),
  };
  const outOfRange = review.rowRejections.filter((r) => r.position >= contribution.rowCount);
  if (outOfRange.length > 0) {
    throw new DomainError(
      "unknown_rows",
      `Rows ${outOfRange.map((r) => r.position).join(", ")} are not in this contribution.`,
      422,
      {
        rowCount: contribution.rowCount,
      },
    );
  }
  // Staking is read before the transaction: a chain call must not hold the row lock.
  const isStaker = settings.reviewers === "stakers" ? await input.isStaker(reviewer.address) : false;

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM contributions WHERE id = ${contribution.id} FOR UPDATE`;
    const current = await tx.contribution.findUniqueOrThrow({
      where: { id: contribution.id },
      include: { reviews: { include: { reviewer: true } } },
    });
    if (current.status !== "pending") {
      throw new DomainError("already_decided", `This contribution was already ${current.status}.`, 409, {
        status: current.status,
      });
    }
    const eligibility = canReview({
      reviewer: reviewer.address,
      contributor: contribution.contributor.address as Address,
      settings,
      isStaker,
      alreadyReviewed: current.reviews.some((r) => r.reviewerId === reviewer.userId),
    });
    if (!eligibility.ok) {
      const status = eligibility.reason === "already_reviewed" ? 409 : 403;
      throw new DomainError(eligibility.reason, `${eligibility.message}.`, status);
    }
    const stored = await tx.review.create({
      data: {
        contributionId: contribution.id,
        reviewerId: reviewer.userId,
        verdict: review.verdict,
        reason: review.reason,
        rowRejections: review.rowRejections as unknown as Prisma.InputJsonValue,
      },
      include: { reviewer: true },
    });
    const reviews = [...current.reviews, stored].map(asReview);
    const eligible = eligibleInvitedReviewers(settings, contribution.contributor.address as Address);
    const decision = contributionDecision(
      reviews,
      settings,
      eligible === undefined ? {} : { eligibleReviewers: eligible },
    );
    if (decision.status !== "pending") {
      await tx.contribution.update({
        where: { id: contribution.id },
        data: { status: decision.status, decidedAt: new Date() },
      });
    }
    let excludedRows = 0;
    if (decision.status === "accepted") {
      const positions = Array.from({ length: contribution.rowCount }, (_, i) => ({ id: String(i) }));
      const { excluded } = acceptedRows(positions, reviews);
      excludedRows = excluded.length;
      if (excluded.length > 0) {
        await tx.datanetRow.updateMany({
          where: { contributionId: contribution.id, position: { in: excluded.map((e) => Number(e.rowId)) } },
          data: { rejected: true },
        });
      }
    }
    return { review: stored, decision, excludedRows };
  });
}
