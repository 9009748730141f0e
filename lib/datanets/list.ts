import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { DatanetKind } from "./kinds";
import type { ListDatanetsQuery } from "./schemas";

/** A Datanet as the list shows it, with its live counts. */
export interface DatanetSummary {
  id: string;
  slug: string;
  name: string;
  summary: string;
  tags: string[];
  domain: string;
  license: string;
  kind: DatanetKind;
  visibility: "public" | "private";
  ownerAddress: string;
  createdAt: Date;
  /** Rows of accepted contributions, not rejected by reviewers. */
  rows: number;
  /** People with an accepted contribution. */
  contributors: number;
  versions: number;
  pendingContributions: number;
}

const SORTS: Record<ListDatanetsQuery["sort"], Prisma.Sql> = {
  newest: Prisma.sql`d.created_at DESC`,
  rows: Prisma.sql`rows DESC, d.created_at DESC`,
  contributors: Prisma.sql`contributors DESC, d.created_at DESC`,
  name: Prisma.sql`lower(d.name) ASC`,
};

/**
 * Public Datanets (and the viewer's own private ones) matching the search, tag, domain and kind
 * filters, sorted and paginated; `total` counts every match.
 */
export async function listDatanets(
  db: Db,
  query: ListDatanetsQuery,
  viewerId?: string,
): Promise<{ items: DatanetSummary[]; total: number }> {
  const filters: Prisma.Sql[] = [
    viewerId ? Prisma.sql`(d.visibility = 'public' OR d.owner_id = ${viewerId})` : Prisma.sql`d.visibility = 'public'`,
  ];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(Prisma.sql`(d.name ILIKE ${like} OR d.summary ILIKE ${like} OR d.description ILIKE ${like})`);
  }
  if (query.tag) filters.push(Prisma.sql`${query.tag.toLowerCase()} = ANY(d.tags)`);
  if (query.domain) filters.push(Prisma.sql`d.domain = ${query.domain.toLowerCase()}`);
  if (query.kind) filters.push(Prisma.sql`d.kind = ${query.kind}::datanet_kind`);
  const where = Prisma.join(filters, " AND ");
  const offset = (query.page - 1) * query.pageSize;
  const items = await db.$queryRaw<
    (Omit<DatanetSummary, "rows" | "contributors" | "versions" | "pendingContributions"> & {
      rows: bigint;
      contributors: bigint;
      versions: bigint;
      pending_contributions: bigint;
      owner_address: string;
      created_at: Date;
    })[]
  >`
    SELECT d.id, d.slug, d.name, d.summary, d.tags, d.domain, d.license, d.kind::text AS kind,
           d.visibility::text AS visibility, u.address AS owner_address, d.created_at,
           (SELECT count(*) FROM datanet_rows r JOIN contributions c ON c.id = r.contribution_id
             WHERE r.datanet_id = d.id AND c.status = 'accepted' AND NOT r.rejected) AS rows,
           (SELECT count(DISTINCT c.contributor_id) FROM contributions c
             WHERE c.datanet_id = d.id AND c.status = 'accepted') AS contributors,
           (SELECT count(*) FROM datanet_versions v WHERE v.datanet_id = d.id AND v.status = 'confirmed') AS versions,
           (SELECT count(*) FROM contributions c WHERE c.datanet_id = d.id AND c.status = 'pending') AS pending_contributions
      FROM datanets d JOIN users u ON u.id = d.owner_id
     WHERE ${where}
     ORDER BY ${SORTS[query.sort]}
     LIMIT ${query.pageSize} OFFSET ${offset}`;
  const [{ total }] = await db.$queryRaw<[{ total: bigint }]>`SELECT count(*) AS total FROM datanets d WHERE ${where}`;
  return {
    total: Number(total),
    items: items.map((d) => ({
      id: d.id,
      slug: d.slug,
      name: d.name,
      summary: d.summary,
      tags: d.tags,
      domain: d.domain,
      license: d.license,
      kind: d.kind,
      visibility: d.visibility,
      ownerAddress: d.owner_address,
      createdAt: d.created_at,
      rows: Number(d.rows),
      contributors: Number(d.contributors),
      versions: Number(d.versions),
      pendingContributions: Number(d.pending_contributions),
    })),
  };
}

/** Tags and domains in use among public Datanets, most used first (for the filters). */
export async function datanetFacets(
  db: Db,
): Promise<{ tags: { tag: string; count: number }[]; domains: { domain: string; count: number }[] }> {
  const tags = await db.$queryRaw<{ tag: string; count: bigint }[]>`
    SELECT t AS tag, count(*) AS count FROM datanets, unnest(tags) AS t
     WHERE visibility = 'public' GROUP BY t ORDER BY count DESC, t LIMIT 50`;
  const domains = await db.$queryRaw<{ domain: string; count: bigint }[]>`
    SELECT domain, count(*) AS count FROM datanets WHERE visibility = 'public'
     GROUP BY domain ORDER BY count DESC, domain LIMIT 50`;
  return {
    tags: tags.map((t) => ({ tag: t.tag, count: Number(t.count) })),
    domains: domains.map((d) => ({ domain: d.domain, count: Number(d.count) })),
  };
}
