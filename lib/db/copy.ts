import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const COPY_SPECIAL = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A text value in PostgreSQL's COPY text format (backslash, newline, carriage return and tab escaped). */
export function copyText(value: string): string {
  return value.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c] as string);
}

/** JSON text for COPY: JSON.stringify never emits raw control characters, so only backslashes need doubling. */
export function copyJson(value: unknown): string {
  return JSON.stringify(value).replaceAll("\\", "\\\\");
}

/** A bytea value for COPY (hex input form, its backslash escaped). */
export function copyBytes(bytes: Uint8Array): string {
  return `\\\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}

/**
 * Streams data into `COPY … FROM STDIN` on a connection (inside the caller's transaction, if any): text
 * format chunks hold whole lines (tab-separated fields, each line ending in "\n"); binary format chunks are
 * the format's bytes in order.
 * Chunks are produced as PostgreSQL takes them, so memory holds one chunk, not the table.
 */
export async function copyFromChunks(
  client: pg.PoolClient | pg.Client,
  statement: string,
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): Promise<void> {
  const sink = client.query(copyFrom(statement));
  await pipeline(Readable.from(chunks, { objectMode: false }), sink);
}
