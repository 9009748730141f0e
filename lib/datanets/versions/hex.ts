import type { Hex } from "viem";

/** Byte ↔ hex conversion without intermediate strings per byte, for the Merkle hot paths. */

const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[65 + i] = 10 + i;
  NIBBLE[97 + i] = 10 + i;
}
/** ASCII codes of each byte's two lowercase hex digits, high digit in the upper 8 bits. */
const BYTE_CODES = new Uint16Array(256);
for (let i = 0; i < 256; i++) {
  const digits = i.toString(16).padStart(2, "0");
  BYTE_CODES[i] = (digits.charCodeAt(0) << 8) | digits.charCodeAt(1);
}
const ascii = new TextDecoder("latin1");
let text = new Uint8Array(66);

/**
 * Writes the `byteLength` bytes of a 0x-prefixed hex string into out[offset ..]. Returns false when
 * the string is not exactly 0x + 2·byteLength hex digits (either case).
 */
export function hexInto(hex: string, byteLength: number, out: Uint8Array, offset: number): boolean {
  if (hex.length !== 2 + 2 * byteLength || hex.charCodeAt(0) !== 48) return false;
  const x = hex.charCodeAt(1);
  if (x !== 120 && x !== 88) return false;
  for (let i = 0; i < byteLength; i++) {
    const a = hex.charCodeAt(2 + 2 * i);
    const b = hex.charCodeAt(3 + 2 * i);
    const hi = a < 128 ? (NIBBLE[a] as number) : -1;
    const lo = b < 128 ? (NIBBLE[b] as number) : -1;
    if (hi < 0 || lo < 0) return false;
    out[offset + i] = (hi << 4) | lo;
  }
  return true;
}

/**
 * 0x-prefixed lowercase hex of bytes[offset .. offset + length). Decoded in one piece so the result
 * is a flat string (a `+=` chain makes a rope that every later reader has to flatten).
 */
export function hexOf(bytes: Uint8Array, offset = 0, length = bytes.length - offset): Hex {
  if (text.length < 2 + 2 * length) text = new Uint8Array(2 + 2 * length);
  text[0] = 48;
  text[1] = 120;
  for (let i = 0; i < length; i++) {
    const c = BYTE_CODES[bytes[offset + i] as number] as number;
    text[2 + 2 * i] = c >> 8;
    text[3 + 2 * i] = c & 0xff;
  }
  return ascii.decode(text.subarray(0, 2 + 2 * length)) as Hex;
}
