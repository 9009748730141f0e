/** Content sniffing: what the first bytes say a file really is. */

export type Magic = "pdf" | "zip" | "ole" | "png" | "jpeg" | "gif" | "gzip" | "bzip2" | "7z" | "rar" | "elf" | "webp";

const SIGNATURES: { magic: Magic; bytes: number[]; label: string }[] = [
  { magic: "pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], label: "a PDF document" },
  { magic: "zip", bytes: [0x50, 0x4b, 0x03, 0x04], label: "a ZIP archive (also .docx/.xlsx)" },
  { magic: "zip", bytes: [0x50, 0x4b, 0x05, 0x06], label: "an empty ZIP archive" },
  { magic: "ole", bytes: [0xd0, 0xcf, 0x11, 0xe0], label: "an old Microsoft Office file (.doc/.xls)" },
  { magic: "png", bytes: [0x89, 0x50, 0x4e, 0x47], label: "a PNG image" },
  { magic: "jpeg", bytes: [0xff, 0xd8, 0xff], label: "a JPEG image" },
  { magic: "gif", bytes: [0x47, 0x49, 0x46, 0x38], label: "a GIF image" },
  { magic: "gzip", bytes: [0x1f, 0x8b], label: "a gzip archive" },
  { magic: "bzip2", bytes: [0x42, 0x5a, 0x68], label: "a bzip2 archive" },
  { magic: "7z", bytes: [0x37, 0x7a, 0xbc, 0xaf], label: "a 7-Zip archive" },
  { magic: "rar", bytes: [0x52, 0x61, 0x72, 0x21], label: "a RAR archive" },
  { magic: "elf", bytes: [0x7f, 0x45, 0x4c, 0x46], label: "an executable" },
  { magic: "webp", bytes: [0x52, 0x49, 0x46, 0x46], label: "a RIFF media file" },
];

export function sniffMagic(bytes: Uint8Array): { magic: Magic; label: string } | null {
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => bytes[i] === b)) return { magic: sig.magic, label: sig.label };
  }
  // Some PDF writers put junk before the header; readers accept %PDF- within the first KiB.
  if (indexOfAscii(bytes.subarray(0, 1024), "%PDF-") >= 0) return { magic: "pdf", label: "a PDF document" };
  return null;
}

export function indexOfAscii(bytes: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let ok = true;
    for (let j = 1; j < needle.length; j++) {
      if (bytes[i + j] !== needle.charCodeAt(j)) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** Encoding from a byte-order mark; UTF-8 when there is none. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncoding; bomBytes: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomBytes: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
  return { encoding: "utf-8", bomBytes: 0 };
}

/** True when NUL bytes sit at every other position of the head: UTF-16 text saved without a BOM. */
export function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  if (head.length < 8) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const half = head.length / 2;
  return Math.max(evenNul, oddNul) > half * 0.4 && Math.min(evenNul, oddNul) < half * 0.05;
}

/** Share of control bytes (other than tab, newlines, form feed, escape) in the head: high for binary data. */
export function controlByteRatio(bytes: Uint8Array): number {
  const head = bytes.subarray(0, 64 * 1024);
  if (head.length === 0) return 0;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  return control / head.length;
}
