import { NextResponse } from "next/server";
import { appContractNames, readDeployment } from "@/lib/chain/deployments";
import { serverConfig } from "@/lib/config/server";
import { errorResponse, noStore } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

const listed = appContractNames.filter((name) => !name.endsWith("Vesting"));

/** The chain id and the addresses of the deployed contracts. */
export async function GET() {
  try {
    const { CHAIN_ID } = serverConfig();
    const deployment = readDeployment(CHAIN_ID, process.env);
    if (!deployment) {
      return NextResponse.json(
        { error: { code: "not_deployed", message: `No contracts are deployed on chain ${CHAIN_ID} yet.` } },
        { status: 503, headers: noStore },
      );
    }
    return NextResponse.json(
      {
        chainId: CHAIN_ID,
        contracts: Object.fromEntries(listed.map((name) => [name, deployment.contracts[name].address])),
        vesting: {
          team: deployment.contracts.TeamVesting.address,
          investors: deployment.contracts.InvestorVesting.address,
        },
        allocations: deployment.allocations,
        deployedAt: deployment.deployedAt,
      },
      { headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
