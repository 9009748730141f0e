import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { resumeRun } from "@/lib/factory/runs";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";
import { queue } from "@/lib/jobs/client";

/** Resumes a cancelled or failed run from its last checkpoint with a new job. */
export async function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await requireSession("resume a training run");
    const run = await resumeRun({ db: db(), queue: await queue() }, session.userId, id);
    return NextResponse.json({ run }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
