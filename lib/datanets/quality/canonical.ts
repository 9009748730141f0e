import type { DatanetKind, RowFields } from "../kinds";

/** The schema keys of each kind, in canonical order. */
export const FIELD_ORDER: Readonly<Record<DatanetKind, readonly string[]>> = {
  text: ["text"],
  instruction: ["prompt", "completion"],
  labelled: ["text", "label"],
};

/** The kind a row's fields belong to: `prompt` → instruction, `label` → labelled, otherwise text. */
export function rowKind(fields: RowFields): DatanetKind {
  if ("prompt" in fields) return "instruction";
  if ("label" in fields) return "labelled";
  return "text";
}

/** The row's schema fields as [name, value] pairs in canonical order (extra properties are ignored). */
export function orderedFields(fields: RowFields): [string, string][] {
  const record = fields as unknown as Record<string, unknown>;
  return FIELD_ORDER[rowKind(fields)].map((key) => {
    const value = record[key];
    if (typeof value !== "string") throw new TypeError(`row field "${key}" must be a string`);
    return [key, value];
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON.stringify escapes exactly U+0000–U+001F
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify of a string, ~4× faster for the common case: a string with nothing JSON escapes (and no
 * surrogates, whose handling is left to JSON.stringify) is only quoted. Byte-for-byte equal to JSON.stringify.
 */
export function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/**
 * Canonical serialization of a row — the exact bytes whose keccak256 is the row's content hash (Merkle leaves,
 * signatures, exports). Stable by specification, do not change:
 *   - a JSON object with only the kind's schema keys, in this order:
 *       text        {"text": …}
 *       instruction {"prompt": …, "completion": …}
 *       labelled    {"text": …, "label": …}
 *   - every value Unicode NFC-normalized (nothing else: case, whitespace and punctuation are kept);
 *   - serialized as by ECMAScript JSON.stringify: no whitespace, `"`, `\` and U+0000–U+001F escaped (\n, \t, …
 *     short forms, else \u00XX lowercase), lone surrogates as \udXXX, everything else literal;
 *   - then UTF-8 encoded.
 * Example: {text:"Café"} (any composition) → `{"text":"Café"}`.
 */
export function canonicalRow(fields: RowFields): string {
  const pairs = orderedFields(fields);
  let out = "{";
  for (let i = 0; i < pairs.length; i++) {
    const [key, value] = pairs[i] as [string, string];
    if (i > 0) out += ",";
    out += `"${key}":${jsonString(value.normalize("NFC"))}`;
  }
  return `${out}}`;
}

const WHITESPACE = /\s+/g;
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;
const EDGE_CHAR = /[\p{P}\s]/u;

function isEdgeChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) {
    // ASCII punctuation (\p{P} in ASCII: !"#%&'()*,-./:;?@[\]_{}) and whitespace; $+<=>^`|~ are symbols, kept.
    return (
      c === 32 ||
      (c >= 9 && c <= 13) ||
      (c >= 33 && c <= 47 && c !== 36 && c !== 43) ||
      (c >= 58 && c <= 64 && c !== 60 && c !== 61 && c !== 62) ||
      (c >= 91 && c <= 95 && c !== 94) ||
      c === 123 ||
      c === 125
    );
  }
  const cp = text.codePointAt(i) as number;
  return EDGE_CHAR.test(String.fromCodePoint(cp));
}

/**
 * Normalization for exact-duplicate detection: NFKC (folds compatibility forms: full-width letters, ligatures,
 * superscripts), lowercase, every whitespace run collapsed to one space, trimmed, and Unicode punctuation (\p{P})
 * at both ends stripped ("Hello, World!" and "  hello,   world" are the same text).
 */
export function normalizeText(text: string): string {
  const t = text.normalize("NFKC").toLowerCase();
  let start = 0;
  let end = t.length;
  while (start < end && isEdgeChar(t, start)) start++;
  while (end > start) {
    const low = t.charCodeAt(end - 1);
    const at = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start ? end - 2 : end - 1;
    if (!isEdgeChar(t, at)) break;
    end = at;
  }
  const trimmed = start === 0 && end === t.length ? t : t.slice(start, end);
  // Testing first is ~3× cheaper than always replacing: most texts hold only single U+0020 spaces.
  return NEEDS_COLLAPSE.test(trimmed) ? trimmed.replace(WHITESPACE, " ") : trimmed;
}

/**
 * The normalized form of a row, used for exact duplicates: each schema field normalized with `normalizeText`,
 * serialized as a JSON array in canonical field order (so the kind's field boundaries stay unambiguous).
 */
export function normalizedRow(fields: RowFields): string {
  const pairs = orderedFields(fields);
  let out = "[";
  for (let i = 0; i < pairs.length; i++) {
    if (i > 0) out += ",";
    out += jsonString(normalizeText((pairs[i] as [string, string])[1]));
  }
  return `${out}]`;
}
