import { randomUUID } from "node:crypto";
import { endianness } from "node:os";
import type pg from "pg";
import { copyBytes, copyFromChunks, copyJson, copyText } from "@/lib/db/copy";
import { DomainError } from "@/lib/errors";
import { BANDS, isEmptySignature, lshBandKeys, type RowFlag, signatureToBytes } from "../quality";
import type { PreparedRow } from "./prepare";

/** A contribution as it is written: the signed fields, the report, and the checked rows. */
export interface ContributionRecord {
  datanetId: string;
  contributorId: string;
  contentRoot: string;
  rowCount: number;
  license: string;
  nonce: string;
  deadline: Date;
  signature: string;
  files: unknown;
  qualityReport: unknown;
  rows: readonly PreparedRow[];
  flagsOf: (position: number) => readonly RowFlag[];
}

/** Lines per COPY chunk: large enough to keep PostgreSQL busy, small enough to hold little memory. */
const CHUNK_ROWS = 1_000;
const LITTLE_ENDIAN = endianness() === "LE";

/** The stored form of a MinHash signature (little-endian uint32s, what `signatureToBytes` writes). */
function signatureBytes(row: PreparedRow): Uint8Array {
  const sig = row.signature;
  return LITTLE_ENDIAN ? new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength) : signatureToBytes(sig);
}

function* rowLines(record: ContributionRecord, contributionId: string, ids: readonly string[]): Generator<string> {
  const datanetId = copyText(record.datanetId);
  const contribution = copyText(contributionId);
  let chunk = "";
  for (let i = 0; i < record.rows.length; i++) {
    const row = record.rows[i] as PreparedRow;
    const flags = record.flagsOf(row.position);
    chunk += `${ids[i]}\t${datanetId}\t${contribution}\t${row.position}\t${copyText(row.file)}\t${row.line}\t${copyJson(row.fields)}\t${row.rowHash}\t${row.normHash}\t${copyBytes(signatureBytes(row))}\t${flags.length === 0 ? "[]" : copyJson(flags)}\n`;
    if ((i + 1) % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/**
 * The rows' LSH band keys as (key, row id) tuples in COPY's binary format, sorted by key: the band table's
 * index takes sorted keys about twice as fast as random ones. Key and row index pack into one float64
 * (32 + 21 bits) for a native sort; a key repeated within a row is written once.
 */
function* bandTuples(rows: readonly PreparedRow[], ids: readonly number[]): Generator<Buffer> {
  if (rows.length >= 2 ** 21) throw new RangeError("at most 2,097,151 rows per contribution");
  const packed = new Float64Array(rows.length * BANDS);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const { signature } = rows[i] as PreparedRow;
    // A text with no shingles has nothing to be near: its keys would make every such row a candidate of every other.
    if (isEmptySignature(signature)) continue;
    for (const key of lshBandKeys(signature)) packed[count++] = key * 2 ** 21 + i;
  }
  const sorted = packed.subarray(0, count).sort();
  // Header: signature, flags, header extension length.
  yield Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
  const TUPLE = 2 + 4 + 4 + 4 + 8;
  const perChunk = 20_000;
  for (let start = 0; start < sorted.length; start += perChunk) {
    const end = Math.min(start + perChunk, sorted.length);
    const chunk = Buffer.allocUnsafe((end - start) * TUPLE);
    let offset = 0;
    for (let j = start; j < end; j++) {
      const value = sorted[j] as number;
      if (j > 0 && value === sorted[j - 1]) continue;
      offset = chunk.writeInt16BE(2, offset);
      offset = chunk.writeInt32BE(4, offset);
      offset = chunk.writeInt32BE(Math.floor(value / 2 ** 21) | 0, offset);
      offset = chunk.writeInt32BE(8, offset);
      offset = chunk.writeBigInt64BE(BigInt(ids[value % 2 ** 21] as number), offset);
    }
    yield chunk.subarray(0, offset);
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1);
  yield trailer;
}

/** A unique violation on (contributor, nonce): the same signature sent twice at once. */
function isNonceReplay(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === "23505" && e.constraint === "contributions_contributor_id_nonce_key";
}

/** Removes band keys written for rows that were never committed (best effort: such keys join to nothing anyway). */
async function removeBands(pool: pg.Pool, rows: readonly PreparedRow[], ids: readonly number[]): Promise<void> {
  const keys: number[] = [];
  const rowIds: number[] = [];
  rows.forEach((row, i) => {
    if (isEmptySignature(row.signature)) return;
    for (const key of new Set(lshBandKeys(row.signature))) {
      keys.push(key | 0);
      rowIds.push(ids[i] as number);
    }
  });
  await pool
    .query(
      `DELETE FROM datanet_row_bands b USING unnest($1::int[], $2::bigint[]) AS u(key, row_id)
        WHERE b.band_key = u.key AND b.row_id = u.row_id`,
      [`{${keys.join(",")}}`, `{${rowIds.join(",")}}`],
    )
    .catch(() => {});
}

/**
 * Writes a contribution and all its rows in one transaction, streamed with COPY (the ORM's inserts spend most
 * of their time serializing parameters); any failure stores nothing. The LSH band keys, a derived index,
 * stream at the same time on a second connection and commit just before the rows: a key whose row is not
 * (yet) committed joins to nothing, so the two never disagree in a way a reader can see, and the two COPYs
 * use both PostgreSQL's and node's time. Returns the new contribution's id.
 */
export async function storeContribution(pool: pg.Pool, record: ContributionRecord): Promise<string> {
  const client = await pool.connect();
  const id = randomUUID();
  let failure: Error | undefined;
  let bandsWritten = false;
  let numericIds: number[] = [];
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO contributions (id, datanet_id, contributor_id, content_root, row_count, license, nonce, deadline,
                                  signature, files, quality_report)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb)`,
      [
        id,
        record.datanetId,
        record.contributorId,
        record.contentRoot,
        record.rowCount,
        record.license,
        record.nonce,
        record.deadline,
        record.signature,
        JSON.stringify(record.files),
        JSON.stringify(record.qualityReport),
      ],
    );
    // Ids come from the sequence up front (sequences ignore transactions), so both COPYs can name them.
    const reserved = await client.query<{ id: string }>(
      "SELECT nextval(pg_get_serial_sequence('datanet_rows', 'id'))::text AS id FROM generate_series(1, $1::int)",
      [record.rows.length],
    );
    const ids = reserved.rows.map((r) => r.id);
    numericIds = ids.map(Number);
    bandsWritten = true;
    const settled = await Promise.allSettled([
      copyFromChunks(
        client,
        "COPY datanet_rows (id, datanet_id, contribution_id, position, file, line, fields, row_hash, norm_hash, minhash, flags) FROM STDIN",
        rowLines(record, id, ids),
      ),
      copyBands(pool, record.rows, numericIds),
    ]);
    for (const result of settled) if (result.status === "rejected") throw result.reason;
    await client.query("COMMIT");
    return id;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query("ROLLBACK").catch(() => {});
    if (bandsWritten) await removeBands(pool, record.rows, numericIds);
    if (isNonceReplay(error)) {
      throw new DomainError("nonce_used", "This signature's nonce was already used: sign the contribution again.", 409);
    }
    throw error;
  } finally {
    // A connection that failed mid-COPY is closed rather than handed to the next caller.
    client.release(failure);
  }
}

/** The band keys' COPY, on a connection of its own (one statement: it commits or writes nothing). */
async function copyBands(pool: pg.Pool, rows: readonly PreparedRow[], ids: readonly number[]): Promise<void> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await copyFromChunks(
      client,
      "COPY datanet_row_bands (band_key, row_id) FROM STDIN (FORMAT binary)",
      bandTuples(rows, ids),
    );
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failure);
  }
}
