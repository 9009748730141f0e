import { z } from "zod";
import { getDatanet } from "@/lib/datanets/get";
import { exportVersion } from "@/lib/datanets/publishing/export";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse } from "@/lib/http/responses";
import { versionNumber } from "../params";

const formatSchema = z.object({ format: z.enum(["jsonl", "csv"]).default("jsonl") });

/** Streams a published version's rows as JSONL (default) or CSV (?format=csv), each with its contributor and hash. */
export async function GET(request: Request, context: { params: Promise<{ id: string; version: string }> }) {
  try {
    const { id, version } = await context.params;
    const { format } = formatSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    return await exportVersion(db(), datanet.id, versionNumber(version), format);
  } catch (error) {
    return errorResponse(error);
  }
}
