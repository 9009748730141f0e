import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import {
  type ExistingLookup,
  type ExistingRowRef,
  type ExistingSignatureSource,
  type MinHashSignature,
  signatureFromBytes,
} from "../quality";

/** Rows that count as existing data (aliases r, d, c): in a Datanet the viewer may see, not in a rejected contribution. */
function visibleRows(viewerId: string | undefined): Prisma.Sql {
  const visible = viewerId
    ? Prisma.sql`(d.visibility = 'public' OR d.owner_id = ${viewerId})`
    : Prisma.sql`d.visibility = 'public'`;
  return Prisma.sql`c.status <> 'rejected' AND ${visible}`;
}

/**
 * Exact-duplicate lookups by normalized hash: in one Datanet, or in every other Datanet the viewer may
 * see. One indexed query per batch of hashes.
 */
export function existingLookup(
  db: Db,
  scope: { datanetId: string; within: boolean; viewerId?: string },
): ExistingLookup {
  return async (hashes) => {
    const found = new Map<string, ExistingRowRef>();
    if (hashes.length === 0) return found;
    const inDatanet = scope.within
      ? Prisma.sql`r.datanet_id = ${scope.datanetId}`
      : Prisma.sql`r.datanet_id <> ${scope.datanetId}`;
    // Joined against the unnested hashes (index lookups), not `= ANY(array)`, which a sequential scan
    // would test row by row against every hash of the batch.
    const rows = await db.$queryRaw<{ norm_hash: string; datanet_id: string; id: bigint }[]>`
      SELECT DISTINCT ON (r.norm_hash) r.norm_hash, r.datanet_id, r.id
        FROM unnest(${[...hashes]}::text[]) AS q(hash)
        JOIN datanet_rows r ON r.norm_hash = q.hash
        JOIN datanets d ON d.id = r.datanet_id
        JOIN contributions c ON c.id = r.contribution_id
       WHERE ${visibleRows(scope.viewerId)} AND ${inDatanet}
       ORDER BY r.norm_hash, r.id`;
    for (const row of rows) found.set(row.norm_hash, { datanetId: row.datanet_id, rowId: row.id.toString() });
    return found;
  };
}

/**
 * Near-duplicate candidates among stored rows the viewer may see: rows sharing any LSH band key with a
 * query (GIN index on band_keys), with their MinHash signatures; the report confirms the similarity.
 */
export function existingSignatures(db: Db, viewerId: string | undefined): ExistingSignatureSource {
  return {
    async candidates(queries) {
      const keys = new Set<number>();
      for (const query of queries) for (const key of query) keys.add(key | 0);
      if (keys.size === 0) return queries.map(() => []);
      const stored = await db.$queryRaw<{ id: bigint; datanet_id: string; minhash: Uint8Array; band_keys: number[] }[]>`
        WITH candidates AS (
          SELECT b.row_id, array_agg(b.band_key) AS band_keys
            FROM unnest(${[...keys]}::int[]) AS q(key)
            JOIN datanet_row_bands b ON b.band_key = q.key
           GROUP BY b.row_id)
        SELECT r.id, r.datanet_id, r.minhash, k.band_keys
          FROM candidates k
          JOIN datanet_rows r ON r.id = k.row_id
          JOIN datanets d ON d.id = r.datanet_id
          JOIN contributions c ON c.id = r.contribution_id
         WHERE ${visibleRows(viewerId)}`;
      const byKey = new Map<number, { ref: ExistingRowRef; signature: MinHashSignature }[]>();
      for (const row of stored) {
        const entry = {
          ref: { datanetId: row.datanet_id, rowId: row.id.toString() },
          signature: signatureFromBytes(new Uint8Array(row.minhash)),
        };
        for (const key of row.band_keys) {
          const list = byKey.get(key);
          if (list) list.push(entry);
          else byKey.set(key, [entry]);
        }
      }
      return queries.map((query) => {
        const seen = new Set<string>();
        const out: { ref: ExistingRowRef; signature: MinHashSignature }[] = [];
        for (const key of query) {
          for (const entry of byKey.get(key | 0) ?? []) {
            if (seen.has(entry.ref.rowId)) continue;
            seen.add(entry.ref.rowId);
            out.push(entry);
          }
        }
        return out;
      });
    },
  };
}
