import type { Address, Hex } from "viem";
import type { Db } from "@/lib/db/client";

/** A row as a version leaf: its id, content hash and contributor. */
export interface VersionRowLeaf {
  rowId: bigint;
  rowHash: Hex;
  contributor: Address;
}

/** Every row a new version would hold: accepted contributions' rows that reviewers did not reject, by id. */
export async function publishableRows(db: Db, datanetId: string): Promise<VersionRowLeaf[]> {
  const rows = await db.$queryRaw<{ id: bigint; row_hash: string; address: string }[]>`
    SELECT r.id, r.row_hash, u.address
      FROM datanet_rows r
      JOIN contributions c ON c.id = r.contribution_id
      JOIN users u ON u.id = c.contributor_id
     WHERE r.datanet_id = ${datanetId} AND c.status = 'accepted' AND NOT r.rejected
     ORDER BY r.id`;
  return rows.map((r) => ({ rowId: r.id, rowHash: r.row_hash as Hex, contributor: r.address as Address }));
}

/** The rows of a stored version, in leaf order. */
export async function versionLeaves(db: Db, versionId: string): Promise<VersionRowLeaf[]> {
  const rows = await db.$queryRaw<{ id: bigint; row_hash: string; address: string }[]>`
    SELECT r.id, r.row_hash, u.address
      FROM version_rows vr
      JOIN datanet_rows r ON r.id = vr.row_id
      JOIN contributions c ON c.id = r.contribution_id
      JOIN users u ON u.id = c.contributor_id
     WHERE vr.version_id = ${versionId}
     ORDER BY vr.leaf_index`;
  return rows.map((r) => ({ rowId: r.id, rowHash: r.row_hash as Hex, contributor: r.address as Address }));
}
