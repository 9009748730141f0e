import { IngestError } from "./errors";
import { controlByteRatio, looksLikeBomlessUtf16, sniffBom, sniffMagic, type TextEncoding } from "./sniff";

/** Checks that bytes are text and how they are encoded; throws a 415/422 IngestError otherwise. */
export function checkText(
  file: string,
  bytes: Uint8Array,
  formatLabel: string,
): { encoding: TextEncoding; bomBytes: number } {
  const bom = sniffBom(bytes);
  if (bom.encoding !== "utf-8") return bom; // UTF-16 has NUL bytes by design: skip the binary checks.
  const magic = sniffMagic(bytes);
  if (magic) {
    throw new IngestError(
      "binary_file",
      `${file} is ${magic.label}, not ${formatLabel}. Upload it with its real extension, or export it as ${formatLabel}.`,
      415,
      { file, detected: magic.magic },
    );
  }
  if (looksLikeBomlessUtf16(bytes)) {
    throw new IngestError(
      "invalid_encoding",
      `${file} looks like UTF-16 text without a byte-order mark. Save it as UTF-8 and upload it again.`,
      422,
      { file, encoding: "utf-16?" },
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new IngestError(
      "binary_file",
      `${file} contains a NUL byte at offset ${nul} (line ${lineAtOffset(bytes, nul)}): it is a binary file, not ${formatLabel}. Upload a text export instead.`,
      415,
      { file, offset: nul, line: lineAtOffset(bytes, nul) },
    );
  }
  if (controlByteRatio(bytes) > 0.1) {
    throw new IngestError(
      "binary_file",
      `${file} is mostly control bytes: it is a binary file, not ${formatLabel}. Upload a text export instead.`,
      415,
      { file },
    );
  }
  return bom;
}

/** Decodes in chunks so a large file never needs one giant intermediate string; `end` is the byte offset reached. */
export function* decodeChunks(
  file: string,
  bytes: Uint8Array,
  encoding: TextEncoding,
  bomBytes: number,
  chunkBytes = 1 << 20,
): Generator<{ text: string; end: number; last: boolean }> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let offset = bomBytes;
  try {
    while (offset + chunkBytes < bytes.length) {
      const text = decoder.decode(bytes.subarray(offset, offset + chunkBytes), { stream: true });
      offset += chunkBytes;
      yield { text, end: offset, last: false };
    }
    const text = decoder.decode(bytes.subarray(offset));
    yield { text, end: bytes.length, last: true };
  } catch (error) {
    if (error instanceof TypeError) throw encodingError(file, bytes, encoding, bomBytes);
    throw error;
  }
}

export function decodeAll(file: string, bytes: Uint8Array, encoding: TextEncoding, bomBytes: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomBytes));
  } catch (error) {
    if (error instanceof TypeError) throw encodingError(file, bytes, encoding, bomBytes);
    throw error;
  }
}

function encodingError(file: string, bytes: Uint8Array, encoding: TextEncoding, start: number): IngestError {
  const offset =
    encoding === "utf-8" ? firstInvalidUtf8(bytes, start) : firstInvalidUtf16(bytes, encoding === "utf-16le", start);
  const at = Math.max(offset, 0);
  const line = encoding === "utf-8" ? lineAtOffset(bytes, at) : undefined;
  const byte = bytes[at] ?? 0;
  const where = `byte 0x${byte.toString(16).padStart(2, "0")} at offset ${at}${line ? ` (line ${line})` : ""}`;
  const name = encoding === "utf-8" ? "UTF-8" : "UTF-16";
  return new IngestError(
    "invalid_encoding",
    `${file} is not valid ${name}: ${where} cannot be decoded. Save the file as UTF-8 (in Excel: "CSV UTF-8") and upload it again.`,
    422,
    { file, encoding, offset: at, line, byte },
  );
}

/** Offset of the first byte that breaks UTF-8 (same rules as TextDecoder's fatal mode), or -1. */
export function firstInvalidUtf8(b: Uint8Array, start = 0): number {
  const n = b.length;
  let i = start;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined) return i;
      if (k === 1 ? cc < lo || cc > hi : cc < 0x80 || cc > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Offset of the first unpaired surrogate (or odd trailing byte) in UTF-16, or -1. */
export function firstInvalidUtf16(b: Uint8Array, littleEndian: boolean, start = 0): number {
  const unit = (i: number) =>
    littleEndian ? (b[i] as number) | ((b[i + 1] as number) << 8) : ((b[i] as number) << 8) | (b[i + 1] as number);
  let i = start;
  while (i + 1 < b.length) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= b.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 4;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
    else i += 2;
  }
  return i < b.length ? i : -1;
}

/** 1-based line of a byte offset: newlines before it plus one. */
export function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}
