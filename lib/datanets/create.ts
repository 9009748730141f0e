import type { Db } from "@/lib/db/client";
import type { CreateDatanet } from "./schemas";
import { slugFor } from "./slug";

/** Stores a new Datanet owned by `ownerId`, with its invited reviewers, in one transaction. */
export async function createDatanet(db: Db, ownerId: string, input: CreateDatanet) {
  const invited = [...new Set(input.review.invited.map((a) => a.toLowerCase()))];
  return db.datanet.create({
    data: {
      slug: slugFor(input.name),
      name: input.name,
      summary: input.summary,
      description: input.description,
      tags: [...new Set(input.tags)],
      domain: input.domain.toLowerCase(),
      license: input.license,
      kind: input.kind,
      visibility: input.visibility,
      minReviews: input.review.minReviews,
      approvalThreshold: input.review.approvalThreshold,
      reviewerPolicy: input.review.reviewers,
      ownerId,
      invites: { create: invited.map((address) => ({ address })) },
    },
  });
}
