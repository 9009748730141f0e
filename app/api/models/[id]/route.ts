import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { getModel } from "@/lib/factory/models/read";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

/** A model and its card (the URI ModelRegistry records): published ones for anyone, drafts for their owner. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await currentSession();
    return NextResponse.json({ model: await getModel(db(), session?.userId, id) }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
