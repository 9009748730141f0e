import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { entryData, readCentralDirectory } from "@/lib/datanets/ingest/zip";
import { baseModelId, packAdapter, sha256Hex } from "./adapter-files";
import { zipFiles } from "./zip";

const folder = mkdtempSync(path.join(tmpdir(), "mf-adapter-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("adapter archives", () => {
  it("zips files reproducibly, deflating what shrinks and storing what does not", () => {
    const text = new TextEncoder().encode('{"peft_type":"LORA","r":8}'.repeat(50));
    const noise = new Uint8Array(randomBytes(4096));
    const files = [
      { name: "adapter_config.json", bytes: text },
      { name: "weights/noise.bin", bytes: noise },
    ];
    const zip = zipFiles(files);
    expect(zipFiles(files)).toEqual(zip);
    const entries = readCentralDirectory(zip);
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ["adapter_config.json", 8, text.length],
      ["weights/noise.bin", 0, noise.length],
    ]);
    expect(new Uint8Array(inflateRawSync(entryData(zip, entries[0] as never)))).toEqual(text);
    expect(entryData(zip, entries[1] as never)).toEqual(noise);
  });

  it("refuses paths that would leave the archive's folder", () => {
    expect(() => zipFiles([{ name: "../evil", bytes: new Uint8Array(1) }])).toThrow(/relative/);
    expect(() => zipFiles([{ name: "/etc/passwd", bytes: new Uint8Array(1) }])).toThrow(/relative/);
  });

  it("hashes an adapter by its weights and packs its two PEFT files", async () => {
    await expect(packAdapter(folder)).rejects.toThrow(/lacks adapter_config.json and adapter_model.safetensors/);
    const weights = new Uint8Array([1, 2, 3, 4, 5]);
    writeFileSync(path.join(folder, "adapter_config.json"), '{"r":4}');
    writeFileSync(path.join(folder, "adapter_model.safetensors"), weights);
    writeFileSync(path.join(folder, "checkpoint.tmp"), "left out");
    const packed = await packAdapter(folder);
    expect(packed.adapterHash).toBe(sha256Hex(weights));
    expect(packed.adapterHash).toBe("0x74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0");
    expect(readCentralDirectory(packed.zip).map((e) => e.name)).toEqual([
      "adapter_config.json",
      "adapter_model.safetensors",
    ]);
    expect(baseModelId("mf-prose-byte")).toMatch(/^0x[0-9a-f]{64}$/);
    expect(baseModelId("mf-prose-byte")).not.toBe(baseModelId("mf-code-byte"));
  });
});
