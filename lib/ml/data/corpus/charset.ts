/** Decoding bytes in the charsets old e-mail declares. */

// Windows-1252 0x80–0x9F (0 where undefined, kept as the C1 control).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

// WHATWG decodes all of these labels as windows-1252.
const CP1252_LABELS = new Set([
  "windows-1252",
  "cp1252",
  "iso-8859-1",
  "iso8859-1",
  "latin1",
  "l1",
  "us-ascii",
  "ascii",
]);

function decodeCp1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    const mapped = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b;
    out += String.fromCharCode(mapped);
  }
  return out;
}

/**
 * Decodes bytes in a MIME charset; unknown labels fall back to UTF-8. Windows-1252 and its aliases are
 * decoded here: Node 20's TextDecoder decodes them as ISO-8859-1, turning curly quotes into C1 controls.
 */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? "utf-8").trim().toLowerCase();
  if (CP1252_LABELS.has(label)) return decodeCp1252(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
