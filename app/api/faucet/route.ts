import { NextResponse } from "next/server";
import { findSession } from "@/lib/auth/session";
import { readDeployment } from "@/lib/chain/deployments";
import { dripFromFaucet } from "@/lib/chain/faucet";
import { chainClient } from "@/lib/chain/server";
import { serverConfig } from "@/lib/config/server";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { errorResponse, noStore } from "@/lib/http/responses";
import { readSessionToken } from "@/lib/http/session-cookie";

/** Local chain only: sends the signed-in account 10 test ETH and 1,000 OPEN. */
export async function POST() {
  try {
    const session = await findSession(db(), await readSessionToken());
    if (!session) throw new DomainError("not_signed_in", "Sign in with your wallet to use the faucet.", 401);
    const config = serverConfig();
    const grant = await dripFromFaucet({
      to: session.address,
      chainId: config.CHAIN_ID,
      rpcUrl: config.RPC_URL,
      deployment: readDeployment(config.CHAIN_ID, process.env),
      chainClient: chainClient(),
    });
    return NextResponse.json(grant, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
