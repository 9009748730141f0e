import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { DatanetKind } from "./kinds";

/** A Datanet's page: its settings and live statistics. */
export interface DatanetDetail {
  id: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  tags: string[];
  domain: string;
  license: string;
  kind: DatanetKind;
  visibility: "public" | "private";
  owner: { id: string; address: string };
  review: { minReviews: number; approvalThreshold: number; reviewers: "stakers" | "invited"; invited: string[] };
  onchainId: string | null;
  registerTxHash: string | null;
  demo: boolean;
  createdAt: Date;
  stats: {
    rows: number;
    pendingRows: number;
    contributors: number;
    contributions: { pending: number; accepted: number; rejected: number };
    versions: number;
    /** Rows a new version would add to or drop from the latest published one (0: nothing to publish). */
    unpublishedChanges: number;
    /** Share of accepted rows carrying no quality flag, 0..1 (null when there are none). */
    cleanShare: number | null;
  };
}

/**
 * A Datanet by id or slug. A private one is visible to its owner only: anyone else gets the same 404
 * as for a Datanet that does not exist.
 */
export async function getDatanet(db: Db, idOrSlug: string, viewerId?: string): Promise<DatanetDetail> {
  const d = await db.datanet.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    include: { owner: true, invites: { orderBy: { createdAt: "asc" } } },
  });
  if (!d || (d.visibility === "private" && d.ownerId !== viewerId)) {
    throw new DomainError("datanet_not_found", `No Datanet "${idOrSlug}".`, 404, { datanet: idOrSlug });
  }
  const [counts] = await db.$queryRaw<
    [{ rows: bigint; pending_rows: bigint; clean_rows: bigint; contributors: bigint; versions: bigint }]
  >`
    SELECT
      (SELECT count(*) FROM datanet_rows r JOIN contributions c ON c.id = r.contribution_id
        WHERE r.datanet_id = ${d.id} AND c.status = 'accepted' AND NOT r.rejected) AS rows,
      (SELECT count(*) FROM datanet_rows r JOIN contributions c ON c.id = r.contribution_id
        WHERE r.datanet_id = ${d.id} AND c.status = 'pending') AS pending_rows,
      (SELECT count(*) FROM datanet_rows r JOIN contributions c ON c.id = r.contribution_id
        WHERE r.datanet_id = ${d.id} AND c.status = 'accepted' AND NOT r.rejected AND r.flags = '[]'::jsonb) AS clean_rows,
      (SELECT count(DISTINCT contributor_id) FROM contributions
        WHERE datanet_id = ${d.id} AND status = 'accepted') AS contributors,
      (SELECT count(*) FROM datanet_versions WHERE datanet_id = ${d.id} AND status = 'confirmed') AS versions`;
  const [{ changes }] = await db.$queryRaw<[{ changes: bigint }]>`
    WITH latest AS (
      SELECT id FROM datanet_versions WHERE datanet_id = ${d.id} AND status = 'confirmed' ORDER BY number DESC LIMIT 1),
    publishable AS (
      SELECT r.id FROM datanet_rows r JOIN contributions c ON c.id = r.contribution_id
       WHERE r.datanet_id = ${d.id} AND c.status = 'accepted' AND NOT r.rejected),
    published AS (
      SELECT vr.row_id AS id FROM version_rows vr JOIN latest ON latest.id = vr.version_id)
    SELECT (SELECT count(*) FROM publishable WHERE id NOT IN (SELECT id FROM published))
         + (SELECT count(*) FROM published WHERE id NOT IN (SELECT id FROM publishable)) AS changes`;
  const byStatus = await db.contribution.groupBy({ by: ["status"], where: { datanetId: d.id }, _count: true });
  const contributions = { pending: 0, accepted: 0, rejected: 0 };
  for (const group of byStatus) contributions[group.status] = group._count;
  const rows = Number(counts.rows);
  return {
    id: d.id,
    slug: d.slug,
    name: d.name,
    summary: d.summary,
    description: d.description,
    tags: d.tags,
    domain: d.domain,
    license: d.license,
    kind: d.kind,
    visibility: d.visibility,
    owner: { id: d.owner.id, address: d.owner.address },
    review: {
      minReviews: d.minReviews,
      approvalThreshold: d.approvalThreshold,
      reviewers: d.reviewerPolicy,
      invited: d.invites.map((i) => i.address),
    },
    onchainId: d.onchainId === null ? null : d.onchainId.toString(),
    registerTxHash: d.registerTxHash,
    demo: d.demo,
    createdAt: d.createdAt,
    stats: {
      rows,
      pendingRows: Number(counts.pending_rows),
      contributors: Number(counts.contributors),
      contributions,
      versions: Number(counts.versions),
      unpublishedChanges: Number(changes),
      cleanShare: rows > 0 ? Number(counts.clean_rows) / rows : null,
    },
  };
}
