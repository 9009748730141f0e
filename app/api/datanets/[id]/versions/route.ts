import { NextResponse } from "next/server";
import { z } from "zod";
import { listVersions } from "@/lib/datanets/browse";
import { getDatanet } from "@/lib/datanets/get";
import { draftVersion } from "@/lib/datanets/publishing/draft";
import { datanetRegistry } from "@/lib/datanets/registry";
import { db } from "@/lib/db/client";
import { currentSession, requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";

/**
 * The Datanet's versions, newest first (confirmed ones and the owner's current draft), with what a next version
 * would publish, read together so the publish panel never pairs a new version with the counts from before it.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    const versions = await listVersions(db(), datanet.id);
    const mine = datanet.owner.id === session?.userId;
    return NextResponse.json(
      {
        versions: versions.filter((v) => mine || v.status === "confirmed"),
        stats: { acceptedRows: datanet.stats.rows, unpublishedChanges: datanet.stats.unpublishedChanges },
      },
      { headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

const draftSchema = z.object({ changelog: z.string().trim().max(5_000, "at most 5,000 characters").default("") });

/**
 * Snapshots the accepted rows into a draft version and answers the DatanetRegistry.addVersion call
 * for the owner's wallet to send; POST …/versions/:version/confirm records it once mined.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("publish a version");
    const { id } = await context.params;
    const { changelog } = await parseJsonBody(request, draftSchema);
    const datanet = await getDatanet(db(), id, session.userId);
    const { version, call } = await draftVersion(db(), { datanetId: datanet.id, ownerId: session.userId, changelog });
    return NextResponse.json(
      {
        version: { id: version.id, number: version.number, merkleRoot: version.merkleRoot },
        call,
        registry: datanetRegistry().address,
      },
      { status: 201, headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
