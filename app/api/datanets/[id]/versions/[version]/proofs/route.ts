import { NextResponse } from "next/server";
import { getAddress, isAddress } from "viem";
import { z } from "zod";
import { getDatanet } from "@/lib/datanets/get";
import { contributorProofs } from "@/lib/datanets/version-proofs";
import { db } from "@/lib/db/client";
import { currentSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";
import { versionNumber } from "../params";

const proofsQuerySchema = z.object({
  contributor: z
    .string()
    .refine((value) => isAddress(value, { strict: false }), "must be a 0x address")
    .transform((value) => getAddress(value)),
});

/**
 * Merkle proofs of one contributor's rows in a published version (?contributor=0x…), one per row, for
 * DatanetRegistry.verifyContribution. Rows and contributors of a version are public, so are their proofs.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string; version: string }> }) {
  try {
    const { id, version } = await context.params;
    const number = versionNumber(version);
    const { contributor } = proofsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const session = await currentSession();
    const datanet = await getDatanet(db(), id, session?.userId);
    const proofs = await contributorProofs(db(), datanet.id, number, contributor);
    const download = new URL(request.url).searchParams.has("download");
    return NextResponse.json(proofs, {
      headers: {
        ...noStore,
        ...(download
          ? {
              "Content-Disposition": `attachment; filename="${datanet.slug}-v${number}-proofs-${contributor.slice(0, 10).toLowerCase()}.json"`,
            }
          : {}),
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
