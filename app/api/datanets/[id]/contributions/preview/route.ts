import { NextResponse } from "next/server";
import { readContributionForm } from "@/lib/datanets/contributions/form";
import { prepareContribution } from "@/lib/datanets/contributions/prepare";
import { type PreviewProgress, previewProgress, previewResponse } from "@/lib/datanets/contributions/preview";
import { contributionTarget } from "@/lib/datanets/contributions/target";
import { twinDatanets } from "@/lib/datanets/contributions/twin-names";
import { db } from "@/lib/db/client";
import { requireSession } from "@/lib/http/current-session";
import { ndjsonProgressResponse, wantsNdjson } from "@/lib/http/ndjson";
import { errorResponse, noStore } from "@/lib/http/responses";

/**
 * Parses and checks dropped files without storing anything: the rows, every problem and flag, and the
 * content root to sign. multipart/form-data: "files" (one or more), "options" (JSON: mapping, redactPii).
 *
 * Asked for NDJSON (`Accept: application/x-ndjson` or `?stream=1`), it answers 200 with throttled
 * `{"type":"progress","phase","done","total"}` lines while it works, then `{"type":"result",...}` (or
 * `{"type":"error","error":{...}}`); refusals found before the stream starts keep their 4xx JSON.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("contribute to a Datanet");
    const { id } = await context.params;
    const datanet = await contributionTarget(db(), id, session);
    const input = await readContributionForm(await request.formData());
    const toProgress = previewProgress(input.files);
    const preview = async (onProgress?: (progress: PreviewProgress) => void) => {
      const prepared = await prepareContribution(db(), datanet, input, {
        viewerId: session.userId,
        ...(onProgress ? { onProgress: (p) => onProgress(toProgress(p)) } : {}),
      });
      return previewResponse(datanet, prepared, await twinDatanets(db(), prepared.report));
    };
    if (wantsNdjson(request)) return await ndjsonProgressResponse(preview, { signal: request.signal });
    return NextResponse.json(await preview(), { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
