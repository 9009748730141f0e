import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/** Query of a Datanet's rows table. */
export const rowsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** One row by id (a duplicate's twin, linked from a quality report), whatever its status filter says. */
  row: z
    .string()
    .regex(/^\d{1,19}$/, "row: a row id (digits)")
    .optional(),
  status: z.enum(["accepted", "pending", "all"]).default("accepted"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type RowsQuery = z.output<typeof rowsQuerySchema>;

/** A row as the rows table shows it, linked to its contribution and contributor. */
export interface BrowsedRow {
  id: string;
  fields: Record<string, string>;
  file: string;
  line: number;
  rowHash: string;
  flags: { type: string }[];
  rejected: boolean;
  contributionId: string;
  contributionStatus: "pending" | "accepted" | "rejected";
  contributor: string;
  createdAt: Date;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of a Datanet's rows (accepted by default), searchable over their fields. */
export async function listRows(
  db: Db,
  datanetId: string,
  query: RowsQuery,
): Promise<{ items: BrowsedRow[]; total: number }> {
  const filters: Prisma.Sql[] = [Prisma.sql`r.datanet_id = ${datanetId}`];
  if (query.status === "accepted") filters.push(Prisma.sql`c.status = 'accepted' AND NOT r.rejected`);
  if (query.status === "pending") filters.push(Prisma.sql`c.status = 'pending'`);
  if (query.q) filters.push(Prisma.sql`r.fields::text ILIKE ${likePattern(query.q)}`);
  if (query.row) filters.push(Prisma.sql`r.id = ${BigInt(query.row)}`);
  const where = Prisma.join(filters, " AND ");
  const rows = await db.$queryRaw<
    {
      id: bigint;
      fields: Record<string, string>;
      file: string;
      line: number;
      row_hash: string;
      flags: { type: string }[];
      rejected: boolean;
      contribution_id: string;
      status: BrowsedRow["contributionStatus"];
      address: string;
      created_at: Date;
    }[]
  >`
    SELECT r.id, r.fields, r.file, r.line, r.row_hash, r.flags, r.rejected, r.contribution_id,
           c.status::text AS status, u.address, c.created_at
      FROM datanet_rows r
      JOIN contributions c ON c.id = r.contribution_id
      JOIN users u ON u.id = c.contributor_id
     WHERE ${where}
     ORDER BY r.id
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  const [{ total }] = await db.$queryRaw<[{ total: bigint }]>`
    SELECT count(*) AS total FROM datanet_rows r JOIN contributions c ON c.id = r.contribution_id WHERE ${where}`;
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id.toString(),
      fields: r.fields,
      file: r.file,
      line: r.line,
      rowHash: r.row_hash,
      flags: r.flags.map((f) => ({ type: f.type })),
      rejected: r.rejected,
      contributionId: r.contribution_id,
      contributionStatus: r.status,
      contributor: r.address,
      createdAt: r.created_at,
    })),
  };
}

/** One contributor of a Datanet, for the leaderboard. */
export interface ContributorStanding {
  address: string;
  acceptedRows: number;
  pendingRows: number;
  contributions: number;
  acceptedContributions: number;
  firstContributionAt: Date;
}

/** Contributors ranked by accepted rows (then by who came first). */
export async function contributorLeaderboard(db: Db, datanetId: string, limit = 50): Promise<ContributorStanding[]> {
  const rows = await db.$queryRaw<
    {
      address: string;
      accepted_rows: bigint;
      pending_rows: bigint;
      contributions: bigint;
      accepted_contributions: bigint;
      first_at: Date;
    }[]
  >`
    SELECT u.address,
           count(r.id) FILTER (WHERE c.status = 'accepted' AND NOT r.rejected) AS accepted_rows,
           count(r.id) FILTER (WHERE c.status = 'pending') AS pending_rows,
           count(DISTINCT c.id) AS contributions,
           count(DISTINCT c.id) FILTER (WHERE c.status = 'accepted') AS accepted_contributions,
           min(c.created_at) AS first_at
      FROM contributions c
      JOIN users u ON u.id = c.contributor_id
      LEFT JOIN datanet_rows r ON r.contribution_id = c.id
     WHERE c.datanet_id = ${datanetId}
     GROUP BY u.address
     ORDER BY accepted_rows DESC, first_at ASC
     LIMIT ${limit}`;
  return rows.map((r) => ({
    address: r.address,
    acceptedRows: Number(r.accepted_rows),
    pendingRows: Number(r.pending_rows),
    contributions: Number(r.contributions),
    acceptedContributions: Number(r.accepted_contributions),
    firstContributionAt: r.first_at,
  }));
}

/** A Datanet's versions, newest first, confirmed ones and the current draft. */
export async function listVersions(db: Db, datanetId: string) {
  const versions = await db.datanetVersion.findMany({ where: { datanetId }, orderBy: { number: "desc" } });
  return versions.map((v) => ({
    id: v.id,
    number: v.number,
    parentNumber: v.parentNumber,
    merkleRoot: v.merkleRoot,
    rowCount: v.rowCount,
    contributorCount: v.contributorCount,
    changelog: v.changelog,
    metadataHash: v.metadataHash,
    status: v.status,
    txHash: v.txHash,
    blockNumber: v.blockNumber?.toString() ?? null,
    createdAt: v.createdAt,
    confirmedAt: v.confirmedAt,
  }));
}
