import { NextResponse } from "next/server";
import { z } from "zod";
import { chainClient } from "@/lib/chain/server";
import { getDatanet } from "@/lib/datanets/get";
import { confirmRegistration, registrationCall } from "@/lib/datanets/register";
import { datanetRegistry } from "@/lib/datanets/registry";
import { db } from "@/lib/db/client";
import { currentSession, requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";

/** The createDatanet call the owner's wallet sends (and the on-chain id once registered). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    return NextResponse.json(
      {
        registry: datanetRegistry().address,
        onchainId: datanet.onchainId,
        txHash: datanet.registerTxHash,
        call: registrationCall(datanet, new URL(request.url).origin),
      },
      { headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

const confirmSchema = z.object({ txHash: z.string() });

/** Records the on-chain id after the owner's createDatanet transaction confirmed (checked on-chain). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("register a Datanet on-chain");
    const { id } = await context.params;
    const { txHash } = await parseJsonBody(request, confirmSchema);
    const datanet = await getDatanet(db(), id, session.userId);
    const registered = await confirmRegistration(db(), {
      datanetId: datanet.id,
      ownerId: session.userId,
      txHash,
      client: chainClient(),
      registry: datanetRegistry().address,
    });
    return NextResponse.json(
      { onchainId: registered.onchainId?.toString(), txHash: registered.registerTxHash },
      {
        headers: noStore,
      },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
