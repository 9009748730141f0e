import { NextResponse } from "next/server";
import { z } from "zod";
import { getDatanet } from "@/lib/datanets/get";
import { versionDiff } from "@/lib/datanets/version-diff";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";
import { versionNumber } from "../params";

const diffQuerySchema = z.object({
  side: z.enum(["added", "removed"]).default("added"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** Rows added to or removed from a published version since its parent: ?side=added|removed&page=&pageSize=. */
export async function GET(request: Request, context: { params: Promise<{ id: string; version: string }> }) {
  try {
    const { id, version } = await context.params;
    const number = versionNumber(version);
    const query = diffQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    return NextResponse.json(await versionDiff(db(), datanet.id, number, query), { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
