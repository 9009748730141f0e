import { NextResponse } from "next/server";
import { z } from "zod";
import { chainClient } from "@/lib/chain/server";
import { db } from "@/lib/db/client";
import { confirmModel } from "@/lib/factory/models/confirm";
import { getModel } from "@/lib/factory/models/read";
import { modelRegistry } from "@/lib/factory/models/registry";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";

const confirmSchema = z.object({ txHash: z.string() });

/** Records a draft model as published once the owner's publishModel transaction is mined (checked on-chain). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("publish a model");
    const { id } = await context.params;
    const { txHash } = await parseJsonBody(request, confirmSchema);
    await confirmModel(db(), session.userId, id, txHash, {
      client: chainClient(),
      registry: modelRegistry().address,
    });
    return NextResponse.json({ model: await getModel(db(), session.userId, id) }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
