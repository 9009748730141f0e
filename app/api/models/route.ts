import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { listModels } from "@/lib/factory/models/read";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

const querySchema = z.object({
  baseModel: z.string().trim().min(1).optional(),
  datanet: z.string().trim().min(1).optional(),
  owner: z.enum(["me"]).optional(),
});

/** Everyone's published models and the signed-in user's drafts, newest first; ?baseModel=, ?datanet=, ?owner=me. */
export async function GET(request: Request) {
  try {
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const session = await currentSession();
    const models = await listModels(db(), session?.userId, {
      baseModel: query.baseModel,
      datanet: query.datanet,
      mine: query.owner === "me",
    });
    return NextResponse.json({ models }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
