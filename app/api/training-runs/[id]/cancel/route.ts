import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { cancelRun } from "@/lib/factory/runs";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";
import { queue } from "@/lib/jobs/client";

/** Cancels a run: a queued one at once, a running one at its next step (the worker keeps its checkpoint). */
export async function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await requireSession("cancel a training run");
    const run = await cancelRun({ db: db(), queue: await queue() }, session.userId, id);
    return NextResponse.json({ run }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
