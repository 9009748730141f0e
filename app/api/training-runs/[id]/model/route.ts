import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { prepareModel } from "@/lib/factory/models/prepare";
import { getRunModel } from "@/lib/factory/models/read";
import { modelRegistry } from "@/lib/factory/models/registry";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";

/** The model made from this run (draft or published), or null. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("see your training runs");
    const { id } = await context.params;
    return NextResponse.json({ model: await getRunModel(db(), session.userId, id) }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

const prepareSchema = z.object({
  pricePer1k: z.string(),
  name: z.string().trim().max(120, "name: at most 120 characters").optional(),
});

/**
 * Prepares the run's adapter as a draft model (hash, card) and answers the ModelRegistry.publishModel call for
 * the owner's wallet to send; POST /api/models/:id/confirm records it once mined.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("publish a model");
    const { id } = await context.params;
    const body = await parseJsonBody(request, prepareSchema);
    const prepared = await prepareModel(db(), session.userId, id, {
      ...body,
      registry: modelRegistry(),
      appUrl: new URL(request.url).origin,
    });
    return NextResponse.json(prepared, { status: 201, headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
