import { describe, expect, it } from "vitest";
import {
  bfloat16ToFloat32,
  float8e4m3ToFloat32,
  float8e5m2ToFloat32,
  float16BitsToNumber,
  float16ToFloat32,
  float32ToBfloat16,
  float32ToFloat16,
} from "./safetensors-float";

const toF16 = (x: number) => float32ToFloat16(Float32Array.of(x))[0];
const toBf16 = (x: number) => float32ToBfloat16(Float32Array.of(x))[0];
const fromF16 = (h: number) => float16ToFloat32(Uint16Array.of(h))[0];
const fromBf16 = (h: number) => bfloat16ToFloat32(Uint16Array.of(h))[0];

describe("F16", () => {
  const known: Array<[number, number]> = [
    [1, 0x3c00],
    [-2.5, 0xc100],
    [65504, 0x7bff], // largest finite half
    [2 ** -14, 0x0400], // smallest normal
    [2 ** -24, 0x0001], // smallest subnormal
    [1023 * 2 ** -24, 0x03ff], // largest subnormal
    [0, 0x0000],
    [-0, 0x8000],
    [Number.POSITIVE_INFINITY, 0x7c00],
    [Number.NEGATIVE_INFINITY, 0xfc00],
    [0.333251953125, 0x3555],
  ];

  it("encodes and decodes known values", () => {
    for (const [value, bits] of known) {
      expect(toF16(value), `${value}`).toBe(bits);
      expect(fromF16(bits), `${bits.toString(16)}`).toBe(value);
    }
    expect(Number.isNaN(fromF16(0x7e00))).toBe(true);
    expect(Number.isNaN(fromF16(0xfc01))).toBe(true);
    const nan = toF16(Number.NaN) as number;
    expect(nan & 0x7c00).toBe(0x7c00);
    expect(nan & 0x3ff).not.toBe(0);
  });

  it("rounds to nearest, ties to even, overflowing to infinity", () => {
    expect(toF16(1 + 2 ** -11)).toBe(0x3c00); // tie → even (down)
    expect(toF16(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even (up)
    expect(toF16(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01); // above the tie
    expect(toF16(65519)).toBe(0x7bff);
    expect(toF16(65520)).toBe(0x7c00); // tie at the top rounds to infinity
    expect(toF16(1e6)).toBe(0x7c00);
    expect(toF16(-1e6)).toBe(0xfc00);
    expect(toF16(2 ** -25)).toBe(0x0000); // half the smallest subnormal: tie → even (zero)
    expect(toF16(2 ** -25 * 1.5)).toBe(0x0001);
    expect(toF16(3 * 2 ** -25)).toBe(0x0002); // tie between 1 and 2 subnormal units → even
    expect(toF16(2 ** -26)).toBe(0x0000);
    expect(toF16(-(2 ** -30))).toBe(0x8000);
    expect(toF16(2 ** -14 - 2 ** -25)).toBe(0x0400); // rounds up out of the subnormals
  });

  it("round-trips every non-NaN half exactly", () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const again = float32ToFloat16(float16ToFloat32(all));
    for (let h = 0; h < 65536; h++) {
      if (Number.isNaN(float16BitsToNumber(h))) continue;
      if (again[h] !== h) throw new Error(`half 0x${h.toString(16)} came back as 0x${again[h]?.toString(16)}`);
    }
  });

  it("picks the nearest half for random floats", () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 5000; i++) {
      const x = Math.fround((random() - 0.5) * 2 ** (random() * 40 - 24));
      const h = toF16(x) as number;
      const error = Math.abs((fromF16(h) as number) - x);
      for (const neighbour of [h - 1, h + 1]) {
        if ((neighbour & 0x7c00) === 0x7c00 || neighbour < 0 || (neighbour ^ h) & 0x8000) continue;
        expect(error).toBeLessThanOrEqual(Math.abs((fromF16(neighbour) as number) - x));
      }
    }
  });
});

describe("BF16", () => {
  it("encodes and decodes known values", () => {
    const known: Array<[number, number]> = [
      [1, 0x3f80],
      [-2.5, 0xc020],
      [3.140625, 0x4049],
      [0, 0x0000],
      [-0, 0x8000],
      [Number.POSITIVE_INFINITY, 0x7f80],
      [Number.NEGATIVE_INFINITY, 0xff80],
      [2 ** -133, 0x0001], // smallest subnormal
      [2 ** -126, 0x0080], // smallest normal
    ];
    for (const [value, bits] of known) {
      expect(toBf16(value), `${value}`).toBe(bits);
      expect(fromBf16(bits), `${bits.toString(16)}`).toBe(value);
    }
    expect(toBf16(65504)).toBe(0x4780); // 65504 is not a bf16: rounds to 65536
    expect(Number.isNaN(fromBf16(toBf16(Number.NaN) as number))).toBe(true);
    expect(Number.isNaN(fromBf16(0x7f81))).toBe(true);
  });

  it("rounds to nearest, ties to even", () => {
    expect(toBf16(1 + 2 ** -8)).toBe(0x3f80); // tie → even (down)
    expect(toBf16(1 + 3 * 2 ** -8)).toBe(0x3f82); // tie → even (up)
    expect(toBf16(1 + 2 ** -8 + 2 ** -20)).toBe(0x3f81);
    expect(toBf16(3.4028234663852886e38)).toBe(0x7f80); // float32 max rounds to infinity
  });

  it("round-trips every non-NaN bf16 exactly", () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const floats = bfloat16ToFloat32(all);
    const again = float32ToBfloat16(floats);
    for (let h = 0; h < 65536; h++) {
      if (Number.isNaN(floats[h])) continue;
      if (again[h] !== h) throw new Error(`bf16 0x${h.toString(16)} came back as 0x${again[h]?.toString(16)}`);
    }
  });
});

describe("FP8", () => {
  it("decodes E5M2 and E4M3", () => {
    expect(float8e5m2ToFloat32(Uint8Array.of(0x3c, 0xc1, 0x7b, 0x7c, 0x01))).toEqual(
      Float32Array.of(1, -2.5, 57344, Number.POSITIVE_INFINITY, 2 ** -16),
    );
    expect(float8e4m3ToFloat32(Uint8Array.of(0x38, 0xc2, 0x7e, 0x01, 0x7f))).toEqual(
      Float32Array.of(1, -2.5, 448, 2 ** -9, Number.NaN),
    );
  });
});
