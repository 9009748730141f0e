import type { Address, Hex } from "viem";
import type { Db } from "@/lib/db/client";
import { confirmedVersion } from "./publishing/export";
import { type VersionRowLeaf, versionLeaves } from "./publishing/version-rows";
import { diffVersions } from "./versions";

/** Which side of a diff a page lists. */
export type DiffSide = "added" | "removed";

/** One page of a version diff over leaves (pure: the leaves are already loaded). */
export function diffPage<L extends { contributor: Address; rowHash: Hex }>(
  parentLeaves: readonly L[],
  childLeaves: readonly L[],
  query: { side: DiffSide; page: number; pageSize: number },
): { items: L[]; total: number; counts: { added: number; removed: number; unchanged: number } } {
  const diff = diffVersions(parentLeaves, childLeaves);
  const list = diff[query.side];
  const start = (query.page - 1) * query.pageSize;
  return {
    items: list.slice(start, start + query.pageSize),
    total: list.length,
    counts: { added: diff.added.length, removed: diff.removed.length, unchanged: diff.unchanged },
  };
}

/** A row of a diff page, linked to its contribution and contributor. */
export interface DiffRow {
  id: string;
  rowHash: string;
  contributor: string;
  fields: Record<string, string>;
  file: string;
  line: number;
  contributionId: string;
  flags: { type: string }[];
}

/**
 * Rows added to and removed from a published version since its parent (by contributor and row hash),
 * one side and one page at a time. A first version adds every row.
 */
export async function versionDiff(
  db: Db,
  datanetId: string,
  number: number,
  query: { side: DiffSide; page: number; pageSize: number },
) {
  const version = await confirmedVersion(db, datanetId, number);
  const parent = version.parentNumber === null ? null : await confirmedVersion(db, datanetId, version.parentNumber);
  const [childLeaves, parentLeaves] = await Promise.all([
    versionLeaves(db, version.id),
    parent ? versionLeaves(db, parent.id) : Promise.resolve<VersionRowLeaf[]>([]),
  ]);
  const page = diffPage(parentLeaves, childLeaves, query);
  const ids = page.items.map((leaf) => leaf.rowId);
  const stored =
    ids.length === 0
      ? []
      : await db.datanetRow.findMany({
          where: { id: { in: ids } },
          select: { id: true, fields: true, file: true, line: true, contributionId: true, flags: true },
        });
  const byId = new Map(stored.map((row) => [row.id, row]));
  const items: DiffRow[] = page.items.flatMap((leaf) => {
    const row = byId.get(leaf.rowId);
    if (!row) return [];
    return [
      {
        id: leaf.rowId.toString(),
        rowHash: leaf.rowHash,
        contributor: leaf.contributor,
        fields: row.fields as Record<string, string>,
        file: row.file,
        line: row.line,
        contributionId: row.contributionId,
        flags: (row.flags as { type: string }[]).map((f) => ({ type: f.type })),
      },
    ];
  });
  return {
    version: {
      number: version.number,
      parentNumber: version.parentNumber,
      merkleRoot: version.merkleRoot,
      rowCount: version.rowCount,
      changelog: version.changelog,
      confirmedAt: version.confirmedAt,
    },
    counts: page.counts,
    side: query.side,
    items,
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
