import { NextResponse } from "next/server";
import { getDatanet } from "@/lib/datanets/get";
import { versionManifestFor } from "@/lib/datanets/publishing/export";
import { datanetRegistry } from "@/lib/datanets/registry";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";
import { versionNumber } from "../params";

/** A published version's manifest: Merkle root, counts, licence, parent, transaction and export files. */
export async function GET(_request: Request, context: { params: Promise<{ id: string; version: string }> }) {
  try {
    const { id, version } = await context.params;
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    const registry = datanetRegistry();
    const manifest = await versionManifestFor(db(), datanet.id, versionNumber(version), {
      chainId: registry.chainId,
      registry: registry.address,
    });
    return NextResponse.json(manifest, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
