import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { parseRunConfig } from "@/lib/factory/config";
import { launchRun, listRuns } from "@/lib/factory/runs";
import { inferTask } from "@/lib/factory/validate";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, readJsonBody } from "@/lib/http/responses";
import { queue } from "@/lib/jobs/client";

/** The signed-in user's training runs, newest first. */
export async function GET() {
  try {
    const session = await requireSession("see your training runs");
    const runs = await listRuns(db(), session.userId);
    return NextResponse.json({ runs }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Launches a training run from a run config (lib/factory/config.ts): stores it and queues its job. */
export async function POST(request: Request) {
  try {
    const session = await requireSession("launch a training run");
    const body = await readJsonBody(request);
    const config = parseRunConfig(body, await inferTask(db(), body));
    const run = await launchRun({ db: db(), queue: await queue() }, session.userId, config);
    return NextResponse.json({ run }, { status: 201, headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
