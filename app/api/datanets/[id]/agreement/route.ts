import { NextResponse } from "next/server";
import { getDatanet } from "@/lib/datanets/get";
import { datanetAgreement } from "@/lib/datanets/reviews/agreement";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

/** Agreement between the Datanet's reviewers over decided contributions (Krippendorff's alpha). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    return NextResponse.json({ agreement: await datanetAgreement(db(), datanet.id) }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
