import { NextResponse } from "next/server";
import { contributorLeaderboard } from "@/lib/datanets/browse";
import { getDatanet } from "@/lib/datanets/get";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

/** The Datanet's contributors ranked by accepted rows. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    return NextResponse.json({ contributors: await contributorLeaderboard(db(), datanet.id) }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
