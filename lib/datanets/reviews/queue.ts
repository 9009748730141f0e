import { type Address, zeroAddress } from "viem";
import type { Db } from "@/lib/db/client";
import { canReview, contributionDecision, eligibleInvitedReviewers, type ReviewSettings } from "../versions";
import { type QualitySummary, summarizeQualityReport } from "./quality-summary";
import { type TwinLink, twinLinks } from "./twins";

/** Rows shown to a reviewer per contribution: flagged rows first (in file order), then the first clean rows. */
export const REVIEW_SAMPLE_ROWS = 20;
/** Contributions listed at once, oldest first. */
export const REVIEW_QUEUE_LIMIT = 10;

/** Why someone cannot review this Datanet at all (the "own contribution" case is per contribution). */
export type QueueEligibility = { ok: true } | { ok: false; reason: "not_invited" | "not_staker"; message: string };

/** A row's twin as a reviewer sees it: the match, where it is, and its text when they may read it. */
export interface ResolvedTwin extends TwinLink {
  where: {
    datanetId: string;
    datanetSlug: string | null;
    datanetName: string | null;
    file: string;
    line: number;
  } | null;
  fields: Record<string, string> | null;
}

export interface QueueRow {
  position: number;
  file: string;
  line: number;
  fields: Record<string, string>;
  flags: { type: string }[];
  twins: ResolvedTwin[];
}

export interface QueueItem {
  id: string;
  contributor: string;
  rowCount: number;
  createdAt: Date;
  quality: QualitySummary;
  reviews: { count: number; approvals: number; rejections: number; reviewsNeeded: number };
  sample: QueueRow[];
}

export interface ReviewQueue {
  eligibility: QueueEligibility;
  settings: ReviewSettings;
  items: QueueItem[];
  /** Pending contributions waiting for this reviewer, beyond the ones listed. */
  total: number;
  /** Pending contributions of the viewer's own, which others review. */
  ownPending: number;
  /** Pending contributions the viewer already reviewed, waiting for others. */
  reviewedPending: number;
}

/**
 * The review queue of a Datanet for one reviewer: pending contributions that are not theirs and that
 * they have not reviewed, oldest first, each with its quality report, reviews so far and a sample of
 * rows with their near-duplicate and duplicate twins. Says why when the reviewer is not eligible.
 */
export async function reviewQueue(
  db: Db,
  input: {
    datanetId: string;
    reviewer: { userId: string; address: Address };
    isStaker: (a: Address) => Promise<boolean>;
  },
): Promise<ReviewQueue> {
  const datanet = await db.datanet.findUniqueOrThrow({ where: { id: input.datanetId }, include: { invites: true } });
  const settings: ReviewSettings = {
    minReviews: datanet.minReviews,
    approvalThreshold: datanet.approvalThreshold,
    reviewers: datanet.reviewerPolicy,
    invited: datanet.invites.map((i) => i.address),
  };
  const isStaker = settings.reviewers === "stakers" ? await input.isStaker(input.reviewer.address) : false;
  // Datanet-level eligibility: the same rule as for a contribution by somebody else.
  const check = canReview({ reviewer: input.reviewer.address, contributor: zeroAddress, settings, isStaker });
  const eligibility: QueueEligibility =
    check.ok || check.reason === "own_contribution" || check.reason === "already_reviewed"
      ? { ok: true }
      : { ok: false, reason: check.reason, message: check.message };

  const [ownPending, reviewedPending] = await Promise.all([
    db.contribution.count({
      where: { datanetId: datanet.id, status: "pending", contributorId: input.reviewer.userId },
    }),
    db.contribution.count({
      where: {
        datanetId: datanet.id,
        status: "pending",
        reviews: { some: { reviewerId: input.reviewer.userId } },
      },
    }),
  ]);
  if (!eligibility.ok) return { eligibility, settings, items: [], total: 0, ownPending, reviewedPending };

  const where = {
    datanetId: datanet.id,
    status: "pending" as const,
    contributorId: { not: input.reviewer.userId },
    reviews: { none: { reviewerId: input.reviewer.userId } },
  };
  const [contributions, total] = await Promise.all([
    db.contribution.findMany({
      where,
      orderBy: { createdAt: "asc" },
      take: REVIEW_QUEUE_LIMIT,
      include: { contributor: true, reviews: { include: { reviewer: true } } },
    }),
    db.contribution.count({ where }),
  ]);
  const items = await Promise.all(
    contributions.map(async (c): Promise<QueueItem> => {
      const reviews = c.reviews.map((r) => ({ reviewer: r.reviewer.address as Address, verdict: r.verdict }));
      const eligible = eligibleInvitedReviewers(settings, c.contributor.address as Address);
      const decision = contributionDecision(
        reviews,
        settings,
        eligible === undefined ? {} : { eligibleReviewers: eligible },
      );
      return {
        id: c.id,
        contributor: c.contributor.address,
        rowCount: c.rowCount,
        createdAt: c.createdAt,
        quality: summarizeQualityReport(c.qualityReport),
        reviews: {
          count: reviews.length,
          approvals: decision.approvals,
          rejections: decision.rejections,
          reviewsNeeded: decision.reviewsNeeded,
        },
        sample: await sampleRows(db, c.id, datanet.id, input.reviewer.userId),
      };
    }),
  );
  return { eligibility, settings, items, total, ownPending, reviewedPending };
}

/**
 * The order a reviewer reads a sample in: flagged rows first, then clean ones, each group in position (file)
 * order. The review tab says "flagged rows first" and shows only the first few before "show all".
 */
export function flaggedFirst<T extends { position: number; flags: unknown }>(rows: readonly T[]): T[] {
  const flagged = (row: T) => Array.isArray(row.flags) && row.flags.length > 0;
  return [...rows].sort((a, b) => Number(flagged(b)) - Number(flagged(a)) || a.position - b.position);
}

/** The sample a reviewer reads: up to REVIEW_SAMPLE_ROWS rows, flagged ones first, each group in position order. */
async function sampleRows(db: Db, contributionId: string, datanetId: string, viewerId: string): Promise<QueueRow[]> {
  const picked = await db.$queryRaw<
    { position: number; file: string; line: number; fields: Record<string, string>; flags: unknown }[]
  >`
    SELECT position, file, line, fields, flags FROM datanet_rows
     WHERE contribution_id = ${contributionId}
     ORDER BY (flags <> '[]'::jsonb) DESC, position
     LIMIT ${REVIEW_SAMPLE_ROWS}`;
  const rows = flaggedFirst(picked);
  const links = rows.map((r) => twinLinks(r.flags));
  const twins = await resolveTwins(db, contributionId, datanetId, viewerId, links.flat());
  return rows.map((r, i) => ({
    position: r.position,
    file: r.file,
    line: r.line,
    fields: r.fields,
    flags: (Array.isArray(r.flags) ? (r.flags as { type: string }[]) : []).map((f) => ({ type: f.type })),
    twins: (links[i] ?? []).map((link) => twins(link)),
  }));
}

/**
 * Looks the twins up in one query per source. A twin in another Datanet shows its text only when that
 * Datanet is public or the viewer's own; otherwise just that it exists.
 */
async function resolveTwins(
  db: Db,
  contributionId: string,
  datanetId: string,
  viewerId: string,
  links: TwinLink[],
): Promise<(link: TwinLink) => ResolvedTwin> {
  const inContribution = links.flatMap((l) => (l.ref.source === "contribution" ? [l.ref] : []));
  const existingIds = links.flatMap((l) =>
    l.ref.source === "existing" && /^\d+$/.test(l.ref.rowId) ? [BigInt(l.ref.rowId)] : [],
  );
  const [siblings, existing] = await Promise.all([
    inContribution.length === 0
      ? []
      : db.datanetRow.findMany({
          where: { contributionId, OR: inContribution.map((r) => ({ file: r.file, line: r.line })) },
          select: { file: true, line: true, fields: true },
        }),
    existingIds.length === 0
      ? []
      : db.datanetRow.findMany({
          where: { id: { in: existingIds } },
          select: {
            id: true,
            file: true,
            line: true,
            fields: true,
            datanet: { select: { id: true, slug: true, name: true, visibility: true, ownerId: true } },
          },
        }),
  ]);
  const siblingAt = new Map(siblings.map((r) => [`${r.file}\n${r.line}`, r]));
  const existingById = new Map(existing.map((r) => [r.id.toString(), r]));
  return (link) => {
    if (link.ref.source === "contribution") {
      const row = siblingAt.get(`${link.ref.file}\n${link.ref.line}`);
      return {
        ...link,
        where: { datanetId, datanetSlug: null, datanetName: null, file: link.ref.file, line: link.ref.line },
        fields: (row?.fields as Record<string, string> | undefined) ?? null,
      };
    }
    const row = existingById.get(link.ref.rowId);
    if (!row) return { ...link, where: null, fields: null };
    const visible =
      row.datanet.id === datanetId || row.datanet.visibility === "public" || row.datanet.ownerId === viewerId;
    return {
      ...link,
      where: visible
        ? {
            datanetId: row.datanet.id,
            datanetSlug: row.datanet.slug,
            datanetName: row.datanet.name,
            file: row.file,
            line: row.line,
          }
        : null,
      fields: visible ? (row.fields as Record<string, string>) : null,
    };
  };
}
