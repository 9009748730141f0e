import { NextResponse } from "next/server";
import { getDatanet } from "@/lib/datanets/get";
import { contributionsOf } from "@/lib/datanets/reviews/mine";
import { db } from "@/lib/db/client";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

/** The signed-in user's contributions to this Datanet, with decisions and reviewers' reasons. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("see your contributions");
    const { id } = await context.params;
    const datanet = await getDatanet(db(), id, session.userId);
    return NextResponse.json(
      { contributions: await contributionsOf(db(), datanet.id, session.userId) },
      { headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
