/**
 * Bit-exact conversions between float32 and the 16- and 8-bit float formats safetensors stores:
 * IEEE half (F16), bfloat16 (BF16), and the OCP FP8 formats E5M2 and E4M3 (read only).
 * float32 → 16-bit rounds to nearest, ties to even, like PyTorch's casts.
 */

let f16Table: Float32Array | undefined;

/** float32 value of one IEEE half-precision bit pattern. */
export function float16BitsToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >>> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** All 65,536 half values, built once (256 KiB) so bulk decoding is a table lookup. */
function halfTable(): Float32Array {
  if (!f16Table) {
    f16Table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) f16Table[h] = float16BitsToNumber(h);
  }
  return f16Table;
}

/** IEEE half bit pattern of a float32 bit pattern (round to nearest even; overflow → ±inf; NaN stays NaN). */
export function float32BitsToFloat16Bits(x: number): number {
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa !== 0 ? 0x200 | (mantissa >>> 13) : 0);
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half (or zero): below half the smallest subnormal (2^-25) everything rounds to zero.
    if (e < -10) return sign;
    const significand = mantissa | 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = significand & ((1 << shift) - 1);
    let r = significand >>> shift;
    if (rest > half || (rest === half && r & 1)) r++;
    return sign | r;
  }
  let r = (e << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // A carry out of the mantissa bumps the exponent, and out of the top exponent gives inf: both correct.
  if (rest > 0x1000 || (rest === 0x1000 && r & 1)) r++;
  return sign | r;
}

/** bfloat16 bit pattern of a float32 bit pattern (round to nearest even; NaN stays a quiet NaN). */
export function float32BitsToBfloat16Bits(x: number): number {
  if ((x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0) return ((x >>> 16) | 0x40) & 0xffff;
  return ((x + 0x7fff + ((x >>> 16) & 1)) >>> 16) & 0xffff;
}

/** Decodes little-endian F16 values to float32. */
export function float16ToFloat32(bits: Uint16Array): Float32Array {
  const table = halfTable();
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = table[bits[i] as number] as number;
  return out;
}

/** Decodes BF16 values to float32 (exact: bf16 is the top half of a float32). */
export function bfloat16ToFloat32(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < bits.length; i++) words[i] = (bits[i] as number) << 16;
  return out;
}

/** Encodes float32 values as F16 bits. */
export function float32ToFloat16(values: Float32Array): Uint16Array {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float32BitsToFloat16Bits(words[i] as number);
  return out;
}

/** Encodes float32 values as BF16 bits. */
export function float32ToBfloat16(values: Float32Array): Uint16Array {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float32BitsToBfloat16Bits(words[i] as number);
  return out;
}

/** Decodes FP8 E5M2 (a half with its low mantissa byte dropped) to float32. */
export function float8e5m2ToFloat32(bits: Uint8Array): Float32Array {
  const table = halfTable();
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = table[(bits[i] as number) << 8] as number;
  return out;
}

/** Decodes FP8 E4M3 ("FN": bias 7, no infinities, S.1111.111 is NaN) to float32. */
export function float8e4m3ToFloat32(bits: Uint8Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i] as number;
    const sign = b & 0x80 ? -1 : 1;
    const exponent = (b >>> 3) & 0xf;
    const mantissa = b & 0x7;
    if (exponent === 0xf && mantissa === 0x7) out[i] = Number.NaN;
    else if (exponent === 0) out[i] = sign * mantissa * 2 ** -9;
    else out[i] = sign * (1 + mantissa / 8) * 2 ** (exponent - 7);
  }
  return out;
}
