import { NextResponse } from "next/server";
import { listRows, rowsQuerySchema } from "@/lib/datanets/browse";
import { getDatanet } from "@/lib/datanets/get";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

/** A page of the Datanet's rows: ?q=&status=accepted|pending|all&page=&pageSize=. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    const query = rowsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return NextResponse.json(
      { ...(await listRows(db(), datanet.id, query)), page: query.page, pageSize: query.pageSize },
      {
        headers: noStore,
      },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
