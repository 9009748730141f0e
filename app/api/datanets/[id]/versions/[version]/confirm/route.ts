import { NextResponse } from "next/server";
import { z } from "zod";
import { chainClient } from "@/lib/chain/server";
import { getDatanet } from "@/lib/datanets/get";
import { confirmVersion } from "@/lib/datanets/publishing/confirm";
import { datanetRegistry } from "@/lib/datanets/registry";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore, parseJsonBody } from "@/lib/http/responses";
import { versionNumber } from "../params";

const confirmSchema = z.object({ txHash: z.string() });

/** Records a draft version as published once the owner's addVersion transaction is mined (checked on-chain). */
export async function POST(request: Request, context: { params: Promise<{ id: string; version: string }> }) {
  try {
    const session = await requireSession("publish a version");
    const { id, version } = await context.params;
    const number = versionNumber(version);
    const { txHash } = await parseJsonBody(request, confirmSchema);
    const datanet = await getDatanet(db(), id, session.userId);
    const draft = await db().datanetVersion.findUnique({
      where: { datanetId_number: { datanetId: datanet.id, number } },
    });
    if (!draft) throw new DomainError("version_not_found", `No version ${number} of this Datanet.`, 404);
    const confirmed = await confirmVersion(db(), {
      datanetId: datanet.id,
      ownerId: session.userId,
      versionId: draft.id,
      txHash,
      client: chainClient(),
      registry: datanetRegistry().address,
    });
    return NextResponse.json(
      {
        version: {
          number: confirmed.number,
          status: confirmed.status,
          txHash: confirmed.txHash,
          merkleRoot: confirmed.merkleRoot,
        },
      },
      { headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
