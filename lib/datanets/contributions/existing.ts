import { type Db, poolOf } from "@/lib/db/client";
import {
  type ExistingLookup,
  type ExistingRowRef,
  type ExistingSignatureSource,
  type MinHashSignature,
  signatureFromBytes,
} from "../quality";

/** Rows that count as existing data (aliases r, d, c): in a Datanet the viewer may see, not in a rejected contribution. */
function visibleRows(viewerParam: string | null): string {
  const visible = viewerParam ? `(d.visibility = 'public' OR d.owner_id = ${viewerParam})` : `d.visibility = 'public'`;
  return `c.status <> 'rejected' AND ${visible}`;
}

/**
 * An array parameter written as PostgreSQL array text by hand: node-postgres would quote and escape every
 * element, which costs more than the query for hundreds of thousands of hex hashes or integers.
 */
function arrayLiteral(values: ArrayLike<number | string>): string {
  const parts: string[] = [];
  const step = 50_000;
  for (let start = 0; start < values.length; start += step) {
    parts.push(Array.prototype.join.call(Array.prototype.slice.call(values, start, start + step), ","));
  }
  return `{${parts.join(",")}}`;
}

/**
 * Exact-duplicate lookups by normalized hash, in this Datanet and in every other Datanet the viewer may see.
 * Both come from one query per batch of hashes (the first of the two lookups to ask for a batch runs it, the
 * other reuses its answer): the hashes are joined against the unnested batch, not tested with `= ANY(array)`.
 */
export function existingLookups(
  db: Db,
  scope: { datanetId: string; viewerId?: string },
): { datanet: ExistingLookup; otherDatanets: ExistingLookup } {
  type Answer = { datanet: Map<string, ExistingRowRef>; other: Map<string, ExistingRowRef> };
  // Both lookups walk the same distinct hashes in the same batches, so a batch is known by its ends and size.
  const answers = new Map<string, Promise<Answer>>();
  const ask = (hashes: readonly string[]): Promise<Answer> => {
    const key = `${hashes.length}:${hashes[0]}:${hashes[hashes.length - 1]}`;
    let answer = answers.get(key);
    if (answer) {
      answers.delete(key);
      return answer;
    }
    answer = queryBoth(db, scope, hashes);
    answers.set(key, answer);
    return answer;
  };
  return {
    datanet: async (hashes) => (hashes.length === 0 ? new Map() : (await ask(hashes)).datanet),
    otherDatanets: async (hashes) => (hashes.length === 0 ? new Map() : (await ask(hashes)).other),
  };
}

async function queryBoth(
  db: Db,
  scope: { datanetId: string; viewerId?: string },
  hashes: readonly string[],
): Promise<{ datanet: Map<string, ExistingRowRef>; other: Map<string, ExistingRowRef> }> {
  // The first stored row per (hash, same Datanet or not).
  const { rows } = await poolOf(db).query<{ norm_hash: string; datanet_id: string; id: string; same: boolean }>(
    `SELECT DISTINCT ON (r.norm_hash, r.datanet_id = $2) r.norm_hash, r.datanet_id, r.id::text AS id,
            r.datanet_id = $2 AS same
       FROM unnest($1::text[]) AS q(hash)
       JOIN datanet_rows r ON r.norm_hash = q.hash
       JOIN datanets d ON d.id = r.datanet_id
       JOIN contributions c ON c.id = r.contribution_id
      WHERE ${visibleRows(scope.viewerId ? "$3" : null)}
      ORDER BY r.norm_hash, r.datanet_id = $2, r.id`,
    [arrayLiteral(hashes), scope.datanetId, ...(scope.viewerId ? [scope.viewerId] : [])],
  );
  const datanet = new Map<string, ExistingRowRef>();
  const other = new Map<string, ExistingRowRef>();
  for (const row of rows) (row.same ? datanet : other).set(row.norm_hash, { datanetId: row.datanet_id, rowId: row.id });
  return { datanet, other };
}

/** The distinct keys of a batch of queries, sorted (sorted probes walk the index in order). */
function distinctKeys(queries: readonly Uint32Array[]): Int32Array {
  let total = 0;
  for (const query of queries) total += query.length;
  const keys = new Int32Array(total);
  let n = 0;
  for (const query of queries) for (const key of query) keys[n++] = key | 0;
  keys.sort();
  let unique = 0;
  for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[unique++] = keys[i] as number;
  return keys.subarray(0, unique);
}

/**
 * Near-duplicate candidates among stored rows the viewer may see: rows sharing any LSH band key with a
 * query, with their MinHash signatures; the report confirms the similarity. Two steps: the band table
 * answers which (key, row) pairs match — few, for new data — then only those rows are read.
 */
export function existingSignatures(db: Db, viewerId: string | undefined): ExistingSignatureSource {
  return {
    async candidates(queries) {
      const keys = distinctKeys(queries);
      if (keys.length === 0) return queries.map(() => []);
      const pool = poolOf(db);
      const { rows: pairs } = await pool.query<{ band_key: number; row_id: string }>(
        `SELECT b.band_key, b.row_id::text AS row_id
           FROM unnest($1::int[]) AS q(key)
           JOIN datanet_row_bands b ON b.band_key = q.key`,
        [arrayLiteral(keys)],
      );
      if (pairs.length === 0) return queries.map(() => []);
      const rowIds = [...new Set(pairs.map((p) => p.row_id))];
      const { rows: stored } = await pool.query<{ id: string; datanet_id: string; minhash: Buffer }>(
        `SELECT r.id::text AS id, r.datanet_id, r.minhash
           FROM unnest($1::bigint[]) AS q(id)
           JOIN datanet_rows r ON r.id = q.id
           JOIN datanets d ON d.id = r.datanet_id
           JOIN contributions c ON c.id = r.contribution_id
          WHERE ${visibleRows(viewerId ? "$2" : null)}`,
        [arrayLiteral(rowIds), ...(viewerId ? [viewerId] : [])],
      );
      const byId = new Map<string, { ref: ExistingRowRef; signature: MinHashSignature }>();
      for (const row of stored) {
        byId.set(row.id, {
          ref: { datanetId: row.datanet_id, rowId: row.id },
          signature: signatureFromBytes(new Uint8Array(row.minhash)),
        });
      }
      const byKey = new Map<number, { ref: ExistingRowRef; signature: MinHashSignature }[]>();
      for (const pair of pairs) {
        const entry = byId.get(pair.row_id);
        if (!entry) continue;
        const list = byKey.get(pair.band_key);
        if (list) list.push(entry);
        else byKey.set(pair.band_key, [entry]);
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
