import { bytesToHex } from "viem";
import { describe, expect, it } from "vitest";
import { hexInto, hexOf } from "./hex";

describe("hex", () => {
  it("round-trips bytes, either case in, lowercase out", () => {
    const bytes = Uint8Array.from({ length: 40 }, (_, i) => (i * 53 + 7) & 255);
    const hex = hexOf(bytes);
    expect(hex).toBe(bytesToHex(bytes));
    const out = new Uint8Array(42);
    expect(hexInto(hex.toUpperCase().replace("0X", "0x"), 40, out, 2)).toBe(true);
    expect(out.subarray(2)).toEqual(bytes);
    expect(hexOf(out, 2, 3)).toBe(bytesToHex(bytes.subarray(0, 3)));
  });

  it("refuses wrong lengths, a missing prefix and non-hex digits", () => {
    const out = new Uint8Array(4);
    expect(hexInto("0x0102", 3, out, 0)).toBe(false);
    expect(hexInto("00010203", 3, out, 0)).toBe(false);
    expect(hexInto("0x01020g", 3, out, 0)).toBe(false);
    expect(hexInto("0x01020\u00e9", 3, out, 0)).toBe(false);
    expect(hexInto("0X010203", 3, out, 0)).toBe(true);
  });
});
