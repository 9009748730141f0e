import { NextResponse } from "next/server";
import { readDeployment } from "@/lib/chain/deployments";
import { chainClient } from "@/lib/chain/server";
import { serverConfig } from "@/lib/config/server";
import { reviewSchema } from "@/lib/datanets/reviews/schemas";
import { reviewerStakeReader } from "@/lib/datanets/reviews/staking";
import { submitReview } from "@/lib/datanets/reviews/submit-review";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";

/** Approves or rejects a contribution (optionally rejecting single rows); decides it when quorum is met. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("review contributions");
    const { id } = await context.params;
    const review = await parseJsonBody(request, reviewSchema);
    const config = serverConfig();
    const deployment = readDeployment(config.CHAIN_ID, process.env);
    if (!deployment) throw new DomainError("not_deployed", "The contracts are not deployed on this chain yet.", 503);
    const result = await submitReview(db(), {
      contributionId: id,
      reviewer: { userId: session.userId, address: session.address },
      review,
      isStaker: reviewerStakeReader(chainClient(), deployment.contracts.Staking.address),
    });
    return NextResponse.json(
      {
        review: { id: result.review.id, verdict: result.review.verdict },
        decision: result.decision,
        excludedRows: result.excludedRows,
      },
      { status: 201, headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
