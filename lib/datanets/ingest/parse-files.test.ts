import { describe, expect, it } from "vitest";
import { IngestError } from "./errors";
import { DEFAULT_LIMITS } from "./limits";
import { parseFiles } from "./parse-files";
import { concat, docx, pdf, utf8, zip } from "./testing/fixtures";
import type { IngestProgress } from "./types";

const csv = (rows: number) =>
  utf8(`text,label\n${Array.from({ length: rows }, (_, i) => `row ${i},l${i % 2}`).join("\n")}\n`);

describe("parseFiles", () => {
  it("parses several formats in one call, in order, with progress per file", async () => {
    const progress: IngestProgress[] = [];
    const results = await parseFiles(
      [
        { name: "a.csv", bytes: csv(3) },
        { name: "b.jsonl", bytes: utf8('{"text":"j","label":"x"}\n') },
        { name: "c.json", bytes: utf8('{"rows":[{"text":"k","label":"y"}]}') },
      ],
      { kind: "labelled", onProgress: (p) => progress.push(p) },
    );
    expect(results.map((r) => [r.file, r.format, r.rows.length])).toEqual([
      ["a.csv", "csv", 3],
      ["b.jsonl", "jsonl", 1],
      ["c.json", "json", 1],
    ]);
    expect(results[0]?.bytes).toBe(csv(3).length);
    const last = progress.filter((p) => p.file === "a.csv").at(-1);
    expect(last).toMatchObject({ bytesDone: last?.bytesTotal, rows: 3 });
  });

  it("mixes text formats for a text Datanet: txt, md, code, pdf, docx", async () => {
    const results = await parseFiles(
      [
        { name: "a.txt", bytes: utf8("para one\n\npara two") },
        { name: "b.md", bytes: utf8("# Head\n\nbody") },
        { name: "c.go", bytes: utf8("package main\n\nfunc main() {}\n") },
        { name: "d.pdf", bytes: pdf(["pdf page"]) },
        { name: "e.docx", bytes: docx(["docx para"]) },
      ],
      { kind: "text" },
    );
    expect(results.map((r) => r.rows.length)).toEqual([2, 2, 1, 1, 1]);
  });

  it("rejects a binary file renamed .csv", async () => {
    const zipped = zip([{ name: "x.txt", data: utf8("hello") }]);
    await expect(parseFiles([{ name: "data.csv", bytes: zipped }], { kind: "text" })).rejects.toMatchObject({
      code: "binary_file",
      status: 415,
      message: expect.stringContaining("ZIP archive"),
    });
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await expect(parseFiles([{ name: "noise.csv", bytes: noise }], { kind: "text" })).rejects.toMatchObject({
      code: "binary_file",
      status: 415,
    });
  });

  it("rejects invalid UTF-8 naming the byte offset and line", async () => {
    const bytes = concat([utf8("text,label\nok,a\nna"), new Uint8Array([0xef, 0xbf]), utf8("ve,b\n")]);
    const error = await parseFiles([{ name: "cp1252.csv", bytes }], { kind: "labelled" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({
      code: "invalid_encoding",
      status: 422,
      details: { file: "cp1252.csv", offset: 18, line: 3 },
    });
    expect((error as Error).message).toContain("offset 18 (line 3)");
  });

  it("decodes UTF-16 with a BOM and strips a UTF-8 BOM from the header", async () => {
    const utf16 = concat([new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from("text,label\nhé,a\n", "utf16le"))]);
    const bom8 = concat([new Uint8Array([0xef, 0xbb, 0xbf]), utf8("text,label\nhi,b\n")]);
    const [a, b] = await parseFiles(
      [
        { name: "u16.csv", bytes: utf16 },
        { name: "bom.csv", bytes: bom8 },
      ],
      { kind: "labelled" },
    );
    expect(a?.rows[0]?.fields).toEqual({ text: "hé", label: "a" });
    expect(b?.columns).toEqual(["text", "label"]);
  });

  it("rejects a file twice the size limit with 413 naming the limit", async () => {
    const maxFileBytes = 1024;
    const bytes = new Uint8Array(2 * maxFileBytes).fill(0x61);
    const error = await parseFiles([{ name: "big.txt", bytes }], { kind: "text", limits: { maxFileBytes } }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "file_too_large",
      status: 413,
      details: { file: "big.txt", limit: "maxFileBytes", max: 1024, actual: 2048 },
    });
    expect((error as Error).message).toContain("(maxFileBytes)");
  });

  it("enforces maxTotalBytes, maxFiles and maxRows by name", async () => {
    const file = (name: string) => ({ name, bytes: csv(5) });
    await expect(
      parseFiles([file("a.csv"), file("b.csv")], { kind: "labelled", limits: { maxTotalBytes: csv(5).length + 1 } }),
    ).rejects.toMatchObject({ status: 413, details: { limit: "maxTotalBytes" } });
    await expect(
      parseFiles([file("a.csv"), file("b.csv")], { kind: "labelled", limits: { maxFiles: 1 } }),
    ).rejects.toMatchObject({
      status: 413,
      details: { limit: "maxFiles" },
    });
    await expect(
      parseFiles([file("a.csv"), file("b.csv")], { kind: "labelled", limits: { maxRows: 8 } }),
    ).rejects.toMatchObject({
      code: "too_many_rows",
      status: 413,
      details: { limit: "maxRows", file: "b.csv", line: 5 },
    });
  });

  it("rejects empty files, an empty upload and duplicate names", async () => {
    await expect(parseFiles([{ name: "e.csv", bytes: new Uint8Array() }], { kind: "text" })).rejects.toMatchObject({
      code: "empty_file",
      status: 422,
      details: { file: "e.csv" },
    });
    await expect(parseFiles([], { kind: "text" })).rejects.toMatchObject({ code: "no_files", status: 400 });
    const f = { name: "a.txt", bytes: utf8("x") };
    await expect(parseFiles([f, f], { kind: "text" })).rejects.toMatchObject({
      code: "duplicate_file_name",
      status: 400,
    });
  });

  it("has sensible defaults", () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      maxFileBytes: 64 * 1024 * 1024,
      maxFiles: 20,
      maxRows: 200_000,
      maxRowChars: 20_000,
    });
  });
});
