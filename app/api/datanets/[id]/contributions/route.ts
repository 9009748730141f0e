import { NextResponse } from "next/server";
import { readContributionForm, readSignedFields } from "@/lib/datanets/contributions/form";
import { submitContribution } from "@/lib/datanets/contributions/submit";
import { contributionTarget } from "@/lib/datanets/contributions/target";
import { datanetRegistry } from "@/lib/datanets/registry";
import { db } from "@/lib/db/client";
import { requireSession } from "@/lib/http/current-session";
import { errorResponse, noStore } from "@/lib/http/responses";

/**
 * Submits a signed contribution. multipart/form-data: "files", "options" (JSON: mapping, redactPii) and
 * "signed" (JSON: contentRoot, rowCount, license, nonce, deadline, signature, chainId, verifyingContract).
 * The files are parsed and checked again; they must give the signed content root. Stores all or nothing.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const session = await requireSession("contribute to a Datanet");
    const { id } = await context.params;
    const datanet = await contributionTarget(db(), id, session);
    const form = await request.formData();
    const signed = readSignedFields(form);
    const contribution = await readContributionForm(form);
    const registry = datanetRegistry();
    const { contribution: stored, prepared } = await submitContribution(db(), {
      datanet,
      contributor: { userId: session.userId, address: session.address },
      contribution,
      signed,
      domain: { chainId: registry.chainId, verifyingContract: registry.address },
    });
    return NextResponse.json(
      {
        contribution: {
          id: stored.id,
          status: stored.status,
          rowCount: stored.rowCount,
          contentRoot: stored.contentRoot,
          createdAt: stored.createdAt,
        },
        report: prepared.report,
      },
      { status: 201, headers: noStore },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
