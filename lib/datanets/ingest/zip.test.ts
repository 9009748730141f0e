import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, utf8, zip } from "./testing/fixtures";
import { entryData, inflatedSize, readCentralDirectory, ZipFormatError } from "./zip";

describe("zip reader", () => {
  it("lists entries with their sizes and finds their data", () => {
    const archive = zip([
      { name: "a.txt", data: utf8("hello hello hello hello") },
      { name: "dir/b.bin", data: new Uint8Array(1000), method: 0 },
    ]);
    const entries = readCentralDirectory(archive);
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ["a.txt", 8, 23],
      ["dir/b.bin", 0, 1000],
    ]);
    expect(entryData(archive, entries[1] as (typeof entries)[number])).toHaveLength(1000);
  });

  it("rejects a truncated archive", () => {
    expect(() => readCentralDirectory(utf8("PK\u0003\u0004 not really"))).toThrow(ZipFormatError);
  });

  it("stops inflating once past the cap", async () => {
    const data = new Uint8Array(deflateRawSync(new Uint8Array(4 * 1024 * 1024)));
    expect(await inflatedSize(data, 10 * 1024 * 1024)).toBe(4 * 1024 * 1024);
    const capped = await inflatedSize(data, 1000);
    expect(capped).toBeGreaterThan(1000);
    expect(capped).toBeLessThan(4 * 1024 * 1024);
  });

  it("test helper CRC32 matches the standard check value", () => {
    expect(crc32(utf8("123456789"))).toBe(0xcbf43926);
  });
});
