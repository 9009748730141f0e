/**
 * Keccak-256 for short inputs (one 136-byte block), written for the Merkle builder's hot loop:
 * no allocation per hash, input read from and digest written into caller-owned byte arrays.
 *
 * The permutation `keccakF1600` is taken from js-sha3 0.13.0 (https://github.com/emn178/js-sha3),
 * MIT licence, copyright Chen, Yi-Cyuan 2015-2026: 25 lanes as 50 little-endian 32-bit halves.
 * js-sha3's own entry points allocate a hasher object per call (~2.8 µs for 64 bytes here); this
 * path takes ~1.5 µs. The Merkle builder uses the WebAssembly version (keccak-wasm.ts, ~0.3–0.4 µs)
 * and falls back to this one where WebAssembly is unavailable. Checked against viem in keccak.test.ts.
 */

const RC = [
  1, 0, 32898, 0, 32906, 2147483648, 2147516416, 2147483648, 32907, 0, 2147483649, 0, 2147516545, 2147483648, 32777,
  2147483648, 138, 0, 136, 0, 2147516425, 0, 2147483658, 0, 2147516555, 0, 139, 2147483648, 32905, 2147483648, 32771,
  2147483648, 32770, 2147483648, 128, 2147483648, 32778, 0, 2147483658, 2147483648, 2147516545, 2147483648, 32896,
  2147483648, 2147483649, 0, 2147516424, 2147483648,
];

/** The Keccak-f[1600] permutation over 50 32-bit words (lane i = words 2i (low), 2i+1 (high)). */
function keccakF1600(s: Int32Array): void {
  let h: number,
    l: number,
    n: number,
    c0: number,
    c1: number,
    c2: number,
    c3: number,
    c4: number,
    c5: number,
    c6: number,
    c7: number,
    c8: number,
    c9: number,
    b0: number,
    b1: number,
    b2: number,
    b3: number,
    b4: number,
    b5: number,
    b6: number,
    b7: number,
    b8: number,
    b9: number,
    b10: number,
    b11: number,
    b12: number,
    b13: number,
    b14: number,
    b15: number,
    b16: number,
    b17: number,
    b18: number,
    b19: number,
    b20: number,
    b21: number,
    b22: number,
    b23: number,
    b24: number,
    b25: number,
    b26: number,
    b27: number,
    b28: number,
    b29: number,
    b30: number,
    b31: number,
    b32: number,
    b33: number,
    b34: number,
    b35: number,
    b36: number,
    b37: number,
    b38: number,
    b39: number,
    b40: number,
    b41: number,
    b42: number,
    b43: number,
    b44: number,
    b45: number,
    b46: number,
    b47: number,
    b48: number,
    b49: number;
  for (n = 0; n < 48; n += 2) {
    c0 = (s[0] as number) ^ (s[10] as number) ^ (s[20] as number) ^ (s[30] as number) ^ (s[40] as number);
    c1 = (s[1] as number) ^ (s[11] as number) ^ (s[21] as number) ^ (s[31] as number) ^ (s[41] as number);
    c2 = (s[2] as number) ^ (s[12] as number) ^ (s[22] as number) ^ (s[32] as number) ^ (s[42] as number);
    c3 = (s[3] as number) ^ (s[13] as number) ^ (s[23] as number) ^ (s[33] as number) ^ (s[43] as number);
    c4 = (s[4] as number) ^ (s[14] as number) ^ (s[24] as number) ^ (s[34] as number) ^ (s[44] as number);
    c5 = (s[5] as number) ^ (s[15] as number) ^ (s[25] as number) ^ (s[35] as number) ^ (s[45] as number);
    c6 = (s[6] as number) ^ (s[16] as number) ^ (s[26] as number) ^ (s[36] as number) ^ (s[46] as number);
    c7 = (s[7] as number) ^ (s[17] as number) ^ (s[27] as number) ^ (s[37] as number) ^ (s[47] as number);
    c8 = (s[8] as number) ^ (s[18] as number) ^ (s[28] as number) ^ (s[38] as number) ^ (s[48] as number);
    c9 = (s[9] as number) ^ (s[19] as number) ^ (s[29] as number) ^ (s[39] as number) ^ (s[49] as number);

    h = c8 ^ ((c2 << 1) | (c3 >>> 31));
    l = c9 ^ ((c3 << 1) | (c2 >>> 31));
    s[0] = (s[0] as number) ^ h;
    s[1] = (s[1] as number) ^ l;
    s[10] = (s[10] as number) ^ h;
    s[11] = (s[11] as number) ^ l;
    s[20] = (s[20] as number) ^ h;
    s[21] = (s[21] as number) ^ l;
    s[30] = (s[30] as number) ^ h;
    s[31] = (s[31] as number) ^ l;
    s[40] = (s[40] as number) ^ h;
    s[41] = (s[41] as number) ^ l;
    h = c0 ^ ((c4 << 1) | (c5 >>> 31));
    l = c1 ^ ((c5 << 1) | (c4 >>> 31));
    s[2] = (s[2] as number) ^ h;
    s[3] = (s[3] as number) ^ l;
    s[12] = (s[12] as number) ^ h;
    s[13] = (s[13] as number) ^ l;
    s[22] = (s[22] as number) ^ h;
    s[23] = (s[23] as number) ^ l;
    s[32] = (s[32] as number) ^ h;
    s[33] = (s[33] as number) ^ l;
    s[42] = (s[42] as number) ^ h;
    s[43] = (s[43] as number) ^ l;
    h = c2 ^ ((c6 << 1) | (c7 >>> 31));
    l = c3 ^ ((c7 << 1) | (c6 >>> 31));
    s[4] = (s[4] as number) ^ h;
    s[5] = (s[5] as number) ^ l;
    s[14] = (s[14] as number) ^ h;
    s[15] = (s[15] as number) ^ l;
    s[24] = (s[24] as number) ^ h;
    s[25] = (s[25] as number) ^ l;
    s[34] = (s[34] as number) ^ h;
    s[35] = (s[35] as number) ^ l;
    s[44] = (s[44] as number) ^ h;
    s[45] = (s[45] as number) ^ l;
    h = c4 ^ ((c8 << 1) | (c9 >>> 31));
    l = c5 ^ ((c9 << 1) | (c8 >>> 31));
    s[6] = (s[6] as number) ^ h;
    s[7] = (s[7] as number) ^ l;
    s[16] = (s[16] as number) ^ h;
    s[17] = (s[17] as number) ^ l;
    s[26] = (s[26] as number) ^ h;
    s[27] = (s[27] as number) ^ l;
    s[36] = (s[36] as number) ^ h;
    s[37] = (s[37] as number) ^ l;
    s[46] = (s[46] as number) ^ h;
    s[47] = (s[47] as number) ^ l;
    h = c6 ^ ((c0 << 1) | (c1 >>> 31));
    l = c7 ^ ((c1 << 1) | (c0 >>> 31));
    s[8] = (s[8] as number) ^ h;
    s[9] = (s[9] as number) ^ l;
    s[18] = (s[18] as number) ^ h;
    s[19] = (s[19] as number) ^ l;
    s[28] = (s[28] as number) ^ h;
    s[29] = (s[29] as number) ^ l;
    s[38] = (s[38] as number) ^ h;
    s[39] = (s[39] as number) ^ l;
    s[48] = (s[48] as number) ^ h;
    s[49] = (s[49] as number) ^ l;

    b0 = s[0] as number;
    b1 = s[1] as number;
    b32 = ((s[11] as number) << 4) | ((s[10] as number) >>> 28);
    b33 = ((s[10] as number) << 4) | ((s[11] as number) >>> 28);
    b14 = ((s[20] as number) << 3) | ((s[21] as number) >>> 29);
    b15 = ((s[21] as number) << 3) | ((s[20] as number) >>> 29);
    b46 = ((s[31] as number) << 9) | ((s[30] as number) >>> 23);
    b47 = ((s[30] as number) << 9) | ((s[31] as number) >>> 23);
    b28 = ((s[40] as number) << 18) | ((s[41] as number) >>> 14);
    b29 = ((s[41] as number) << 18) | ((s[40] as number) >>> 14);
    b20 = ((s[2] as number) << 1) | ((s[3] as number) >>> 31);
    b21 = ((s[3] as number) << 1) | ((s[2] as number) >>> 31);
    b2 = ((s[13] as number) << 12) | ((s[12] as number) >>> 20);
    b3 = ((s[12] as number) << 12) | ((s[13] as number) >>> 20);
    b34 = ((s[22] as number) << 10) | ((s[23] as number) >>> 22);
    b35 = ((s[23] as number) << 10) | ((s[22] as number) >>> 22);
    b16 = ((s[33] as number) << 13) | ((s[32] as number) >>> 19);
    b17 = ((s[32] as number) << 13) | ((s[33] as number) >>> 19);
    b48 = ((s[42] as number) << 2) | ((s[43] as number) >>> 30);
    b49 = ((s[43] as number) << 2) | ((s[42] as number) >>> 30);
    b40 = ((s[5] as number) << 30) | ((s[4] as number) >>> 2);
    b41 = ((s[4] as number) << 30) | ((s[5] as number) >>> 2);
    b22 = ((s[14] as number) << 6) | ((s[15] as number) >>> 26);
    b23 = ((s[15] as number) << 6) | ((s[14] as number) >>> 26);
    b4 = ((s[25] as number) << 11) | ((s[24] as number) >>> 21);
    b5 = ((s[24] as number) << 11) | ((s[25] as number) >>> 21);
    b36 = ((s[34] as number) << 15) | ((s[35] as number) >>> 17);
    b37 = ((s[35] as number) << 15) | ((s[34] as number) >>> 17);
    b18 = ((s[45] as number) << 29) | ((s[44] as number) >>> 3);
    b19 = ((s[44] as number) << 29) | ((s[45] as number) >>> 3);
    b10 = ((s[6] as number) << 28) | ((s[7] as number) >>> 4);
    b11 = ((s[7] as number) << 28) | ((s[6] as number) >>> 4);
    b42 = ((s[17] as number) << 23) | ((s[16] as number) >>> 9);
    b43 = ((s[16] as number) << 23) | ((s[17] as number) >>> 9);
    b24 = ((s[26] as number) << 25) | ((s[27] as number) >>> 7);
    b25 = ((s[27] as number) << 25) | ((s[26] as number) >>> 7);
    b6 = ((s[36] as number) << 21) | ((s[37] as number) >>> 11);
    b7 = ((s[37] as number) << 21) | ((s[36] as number) >>> 11);
    b38 = ((s[47] as number) << 24) | ((s[46] as number) >>> 8);
    b39 = ((s[46] as number) << 24) | ((s[47] as number) >>> 8);
    b30 = ((s[8] as number) << 27) | ((s[9] as number) >>> 5);
    b31 = ((s[9] as number) << 27) | ((s[8] as number) >>> 5);
    b12 = ((s[18] as number) << 20) | ((s[19] as number) >>> 12);
    b13 = ((s[19] as number) << 20) | ((s[18] as number) >>> 12);
    b44 = ((s[29] as number) << 7) | ((s[28] as number) >>> 25);
    b45 = ((s[28] as number) << 7) | ((s[29] as number) >>> 25);
    b26 = ((s[38] as number) << 8) | ((s[39] as number) >>> 24);
    b27 = ((s[39] as number) << 8) | ((s[38] as number) >>> 24);
    b8 = ((s[48] as number) << 14) | ((s[49] as number) >>> 18);
    b9 = ((s[49] as number) << 14) | ((s[48] as number) >>> 18);

    s[0] = b0 ^ (~b2 & b4);
    s[1] = b1 ^ (~b3 & b5);
    s[10] = b10 ^ (~b12 & b14);
    s[11] = b11 ^ (~b13 & b15);
    s[20] = b20 ^ (~b22 & b24);
    s[21] = b21 ^ (~b23 & b25);
    s[30] = b30 ^ (~b32 & b34);
    s[31] = b31 ^ (~b33 & b35);
    s[40] = b40 ^ (~b42 & b44);
    s[41] = b41 ^ (~b43 & b45);
    s[2] = b2 ^ (~b4 & b6);
    s[3] = b3 ^ (~b5 & b7);
    s[12] = b12 ^ (~b14 & b16);
    s[13] = b13 ^ (~b15 & b17);
    s[22] = b22 ^ (~b24 & b26);
    s[23] = b23 ^ (~b25 & b27);
    s[32] = b32 ^ (~b34 & b36);
    s[33] = b33 ^ (~b35 & b37);
    s[42] = b42 ^ (~b44 & b46);
    s[43] = b43 ^ (~b45 & b47);
    s[4] = b4 ^ (~b6 & b8);
    s[5] = b5 ^ (~b7 & b9);
    s[14] = b14 ^ (~b16 & b18);
    s[15] = b15 ^ (~b17 & b19);
    s[24] = b24 ^ (~b26 & b28);
    s[25] = b25 ^ (~b27 & b29);
    s[34] = b34 ^ (~b36 & b38);
    s[35] = b35 ^ (~b37 & b39);
    s[44] = b44 ^ (~b46 & b48);
    s[45] = b45 ^ (~b47 & b49);
    s[6] = b6 ^ (~b8 & b0);
    s[7] = b7 ^ (~b9 & b1);
    s[16] = b16 ^ (~b18 & b10);
    s[17] = b17 ^ (~b19 & b11);
    s[26] = b26 ^ (~b28 & b20);
    s[27] = b27 ^ (~b29 & b21);
    s[36] = b36 ^ (~b38 & b30);
    s[37] = b37 ^ (~b39 & b31);
    s[46] = b46 ^ (~b48 & b40);
    s[47] = b47 ^ (~b49 & b41);
    s[8] = b8 ^ (~b0 & b2);
    s[9] = b9 ^ (~b1 & b3);
    s[18] = b18 ^ (~b10 & b12);
    s[19] = b19 ^ (~b11 & b13);
    s[28] = b28 ^ (~b20 & b22);
    s[29] = b29 ^ (~b21 & b23);
    s[38] = b38 ^ (~b30 & b32);
    s[39] = b39 ^ (~b31 & b33);
    s[48] = b48 ^ (~b40 & b42);
    s[49] = b49 ^ (~b41 & b43);

    s[0] = (s[0] as number) ^ (RC[n] as number);
    s[1] = (s[1] as number) ^ (RC[n + 1] as number);
  }
}

/** Keccak-256's rate in bytes: inputs up to RATE - 1 bytes fit in one padded block. */
const RATE = 136;
const state = new Int32Array(50);

/**
 * keccak256(input[inOff .. inOff + len)) written to out[outOff .. outOff + 32).
 * Only for len < 136 (one block), which covers every Merkle leaf and node hash.
 */
export function keccak256Into(input: Uint8Array, inOff: number, len: number, out: Uint8Array, outOff: number): void {
  if (len >= RATE || len < 0) throw new RangeError(`keccak256Into takes 0..${RATE - 1} bytes, got ${len}`);
  const s = state;
  s.fill(0);
  const whole = len & ~3;
  let w = 0;
  for (let i = 0; i < whole; i += 4, w++) {
    const p = inOff + i;
    s[w] =
      (input[p] as number) |
      ((input[p + 1] as number) << 8) |
      ((input[p + 2] as number) << 16) |
      ((input[p + 3] as number) << 24);
  }
  // The tail bytes, then the pad10*1 padding with Keccak's 0x01 domain byte.
  let last = 0;
  for (let i = whole; i < len; i++) last |= (input[inOff + i] as number) << ((i - whole) * 8);
  last |= 0x01 << ((len - whole) * 8);
  s[w] = (s[w] as number) | last;
  s[(RATE >> 2) - 1] = (s[(RATE >> 2) - 1] as number) | (0x80 << 24);
  keccakF1600(s);
  for (let i = 0; i < 8; i++) {
    const v = s[i] as number;
    const o = outOff + i * 4;
    out[o] = v & 0xff;
    out[o + 1] = (v >>> 8) & 0xff;
    out[o + 2] = (v >>> 16) & 0xff;
    out[o + 3] = (v >>> 24) & 0xff;
  }
}

/** keccak256 of a short byte string (< 136 bytes) as a new 32-byte array. */
export function keccak256Short(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  keccak256Into(input, 0, input.length, out, 0);
  return out;
}
