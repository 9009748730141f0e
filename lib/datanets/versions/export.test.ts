import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import { type ExportRow, exportFileName, exportRows, exportStream } from "./export";
import { type VersionManifestInput, versionManifest } from "./manifest";

const contributor = "0x00000000000000000000000000000000000000aa" as Address;
const rowHash = `0x${"11".repeat(32)}` as Hex;

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let out = "";
  for await (const c of chunks) out += decoder.decode(c, { stream: true });
  return out + decoder.decode();
}

async function* generate(n: number): AsyncGenerator<ExportRow> {
  for (let i = 0; i < n; i++) yield { fields: { prompt: `q${i}`, completion: `a${i}` }, rowHash, contributor };
}

describe("exportRows", () => {
  it("writes JSONL with the kind's fields then provenance", async () => {
    const rows: ExportRow[] = [
      { fields: { text: "héllo\nworld", label: "ham" }, rowHash, contributor },
      { fields: { text: "=1+1", label: "spam", extra: "dropped" }, rowHash, contributor },
    ];
    const out = await text(exportRows("labelled", rows, "jsonl"));
    const lines = out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { text: "héllo\nworld", label: "ham", contributor, rowHash },
      { text: "=1+1", label: "spam", contributor, rowHash },
    ]);
  });

  it("writes CSV with a header and escaped cells", async () => {
    const rows: ExportRow[] = [
      { fields: { prompt: '=WEBSERVICE("http://x")', completion: "a, b" }, rowHash, contributor },
      { fields: { prompt: "@me", completion: "-1" }, rowHash, contributor },
    ];
    const out = await text(exportRows("instruction", rows, "csv"));
    expect(out).toBe(
      "prompt,completion,contributor,rowHash\r\n" +
        `"'=WEBSERVICE(""http://x"")","a, b",${contributor},${rowHash}\r\n` +
        `'@me,'-1,${contributor},${rowHash}\r\n`,
    );
  });

  it("streams many rows in bounded chunks from an async source", async () => {
    let chunks = 0;
    let bytes = 0;
    let maxChunk = 0;
    for await (const c of exportRows("instruction", generate(20_000), "jsonl")) {
      chunks++;
      bytes += c.length;
      maxChunk = Math.max(maxChunk, c.length);
    }
    expect(chunks).toBeGreaterThan(5);
    expect(maxChunk).toBeLessThan(128 * 1024);
    expect(bytes).toBeGreaterThan(20_000 * 100);
  });

  it("serves a ReadableStream and an empty export", async () => {
    const res = new Response(exportStream("text", [{ fields: { text: "x" }, rowHash, contributor }], "csv"));
    expect(await res.text()).toBe(`text,contributor,rowHash\r\nx,${contributor},${rowHash}\r\n`);
    expect(await text(exportRows("text", [], "jsonl"))).toBe("");
    expect(exportFileName("Moby Dick!", 3, "jsonl")).toBe("Moby-Dick-v3.jsonl");
  });
});

describe("versionManifest", () => {
  it("describes the version, its root and its files as stable JSON", () => {
    const input: VersionManifestInput = {
      datanet: { id: 4n, name: "Spam or ham", slug: "spam-or-ham", kind: "labelled", chainId: 31337 },
      version: 2,
      root: rowHash,
      rowCount: 6046,
      contributorCount: 3,
      license: "Apache-2.0",
      parentVersion: 1,
      createdAt: new Date("2026-11-25T12:00:00Z"),
      files: [{ name: "spam-or-ham-v2.csv", format: "csv", rows: 6046 }],
    };
    const manifest = versionManifest(input);
    expect(manifest).toMatchObject({
      format: "modelfactory.datanet-version/1",
      datanet: { id: "4", slug: "spam-or-ham", registry: null },
      version: 2,
      merkle: { root: rowHash, leafEncoding: ["address", "bytes32"] },
      parentVersion: 1,
      createdAt: "2026-11-25T12:00:00.000Z",
    });
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    expect(versionManifest({ ...input, parentVersion: 0 }).parentVersion).toBeNull();
  });
});
