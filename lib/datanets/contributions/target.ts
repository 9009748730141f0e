import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { ContributionTarget } from "./submit";

/** A Datanet as a contribution target (its kind, licence and who may contribute); 404 as for any unknown Datanet. */
export async function contributionTarget(
  db: Db,
  idOrSlug: string,
  viewer?: { userId: string; address: string },
): Promise<ContributionTarget> {
  const d = await db.datanet.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    include: { invites: true },
  });
  const invited = d?.invites.map((i) => i.address) ?? [];
  const insider =
    viewer !== undefined && (d?.ownerId === viewer.userId || invited.includes(viewer.address.toLowerCase()));
  if (!d || (d.visibility === "private" && !insider)) {
    throw new DomainError("datanet_not_found", `No Datanet "${idOrSlug}".`, 404, { datanet: idOrSlug });
  }
  return {
    id: d.id,
    kind: d.kind,
    license: d.license,
    visibility: d.visibility,
    ownerId: d.ownerId,
    invited,
  };
}
