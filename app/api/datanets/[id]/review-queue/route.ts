import { NextResponse } from "next/server";
import type { Address } from "viem";
import { readDeployment } from "@/lib/chain/deployments";
import { chainClient } from "@/lib/chain/server";
import { serverConfig } from "@/lib/config/server";
import { getDatanet } from "@/lib/datanets/get";
import { reviewQueue } from "@/lib/datanets/reviews/queue";
import { reviewerStakeReader } from "@/lib/datanets/reviews/staking";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

/** The signed-in reviewer's queue: pending contributions not theirs and not yet reviewed by them (or why not). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("review contributions");
    const { id } = await context.params;
    const datanet = await getDatanet(db(), id, session.userId);
    const isStaker = async (account: Address) => {
      const deployment = readDeployment(serverConfig().CHAIN_ID, process.env);
      if (!deployment) throw new DomainError("not_deployed", "The contracts are not deployed on this chain yet.", 503);
      return reviewerStakeReader(chainClient(), deployment.contracts.Staking.address)(account);
    };
    const queue = await reviewQueue(db(), {
      datanetId: datanet.id,
      reviewer: { userId: session.userId, address: session.address },
      isStaker,
    });
    return NextResponse.json(queue, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
