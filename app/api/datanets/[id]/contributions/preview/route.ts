import { NextResponse } from "next/server";
import { readContributionForm } from "@/lib/datanets/contributions/form";
import { prepareContribution } from "@/lib/datanets/contributions/prepare";
import { previewResponse } from "@/lib/datanets/contributions/preview";
import { contributionTarget } from "@/lib/datanets/contributions/target";
import { db } from "@/lib/db/client";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

/**
 * Parses and checks dropped files without storing anything: the rows, every problem and flag, and the
 * content root to sign. multipart/form-data: "files" (one or more), "options" (JSON: mapping, redactPii).
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("contribute to a Datanet");
    const { id } = await context.params;
    const datanet = await contributionTarget(db(), id, session);
    const input = await readContributionForm(await request.formData());
    const prepared = await prepareContribution(db(), datanet, input, { viewerId: session.userId });
    return NextResponse.json(previewResponse(datanet, prepared), { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
