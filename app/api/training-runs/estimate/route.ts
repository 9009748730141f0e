import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { parseRunConfig } from "@/lib/factory/config";
import { estimateRun } from "@/lib/factory/estimate";
import { inferTask } from "@/lib/factory/validate";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, readJsonBody } from "@/lib/http/responses";

/**
 * How long the run a config describes should take on this deployment's trainers, from the throughput an
 * earlier run of the same base model measured: `{ estimate }`, or `{ estimate: null }` before any run finished.
 * The body is a run config, as POST /api/training-runs takes it (422 naming the field when it is not valid).
 */
export async function POST(request: Request) {
  try {
    const session = await requireSession("estimate a training run");
    const body = await readJsonBody(request);
    const estimate = await estimateRun(db(), session.userId, parseRunConfig(body, await inferTask(db(), body)));
    return NextResponse.json({ estimate }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
