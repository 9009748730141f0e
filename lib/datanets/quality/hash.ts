import type { RowFields } from "../kinds";
import { canonicalRow, normalizedRow } from "./canonical";
import { keccak256Utf8 } from "./keccak";

export type Hex32 = `0x${string}`;

/**
 * The row's content hash: keccak256 of the UTF-8 bytes of `canonicalRow(fields)`, as 0x + 64 lowercase hex
 * (a bytes32). This is what Merkle leaves and contribution roots are built from.
 */
export function rowHash(fields: RowFields): Hex32 {
  return keccak256Utf8(canonicalRow(fields));
}

/**
 * Hash for exact-duplicate detection: keccak256 of the UTF-8 bytes of `normalizedRow(fields)` (NFKC, lowercase,
 * whitespace collapsed, trimmed, edge punctuation stripped, per field). Two rows that differ only in case,
 * spacing or trailing punctuation share it. Stored per row so duplicates across Datanets are one indexed lookup.
 */
export function normalizedHash(fields: RowFields): Hex32 {
  return keccak256Utf8(normalizedRow(fields));
}
