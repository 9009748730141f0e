import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { classifyRequestSchema, playgroundClassify } from "@/lib/factory/playground/classify";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";

/** The playground of a classification run: `{ input }` → each label with its probability, most likely first. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await requireSession("try a classifier");
    const { input } = await parseJsonBody(request, classifyRequestSchema);
    const result = await playgroundClassify(db(), { runId: id, userId: session.userId, text: input });
    return NextResponse.json(result, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
