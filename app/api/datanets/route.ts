import { NextResponse } from "next/server";
import { createDatanet } from "@/lib/datanets/create";
import { getDatanet } from "@/lib/datanets/get";
import { listDatanets } from "@/lib/datanets/list";
import { createDatanetSchema, listDatanetsSchema } from "@/lib/datanets/schemas";
import { db } from "@/lib/db/client";
import { currentSession, requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";

/** Datanets matching ?q=&tag=&domain=&kind=&sort=&page=&pageSize= (public ones, and the viewer's private ones). */
export async function GET(request: Request) {
  try {
    const query = listDatanetsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const session = await currentSession();
    const result = await listDatanets(db(), query, session?.userId);
    return NextResponse.json({ ...result, page: query.page, pageSize: query.pageSize }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Creates a Datanet owned by the signed-in account. */
export async function POST(request: Request) {
  try {
    const session = await requireSession("create a Datanet");
    const input = await parseJsonBody(request, createDatanetSchema);
    const created = await createDatanet(db(), session.userId, input);
    const datanet = await getDatanet(db(), created.id, session.userId);
    return NextResponse.json({ datanet }, { status: 201, headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
