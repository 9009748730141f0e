import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { getRun } from "@/lib/factory/runs";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

const querySchema = z.object({
  /** Only metric points after this step (for polling). */
  metricsAfterStep: z.coerce.number().int().min(-1).optional(),
  /** Only log lines after this one (their ids are increasing). */
  logsAfterId: z
    .string()
    .regex(/^\d{1,19}$/, "logsAfterId: a log line id (digits)")
    .optional(),
});

/** One of the signed-in user's runs: status, progress, metric history, config and lineage. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await requireSession("see your training runs");
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const run = await getRun(db(), session.userId, id, query);
    return NextResponse.json({ run }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
