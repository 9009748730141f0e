import { db } from "@/lib/db/client";
import { modelAdapterZip } from "@/lib/factory/models/read";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse } from "@/lib/http/responses";

/** The model's adapter in PEFT layout as a ZIP, its weights' sha256 in X-Adapter-Sha256. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await currentSession();
    const { zip, adapterHash, filename } = await modelAdapterZip(db(), session?.userId, id);
    return new Response(Buffer.from(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Content-Length": String(zip.length),
        "X-Adapter-Sha256": adapterHash,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
