import { describe, expect, it } from "vitest";
import { parseFiles } from "./parse-files";
import { docx, docxBomb, docxEntries, utf8, zip } from "./testing/fixtures";

const parseDocx = (name: string, bytes: Uint8Array) => parseFiles([{ name, bytes }], { kind: "text" });

describe("DOCX", () => {
  it("extracts one row per paragraph, numbered by paragraph", async () => {
    const [parse] = await parseDocx("essay.docx", docx(["First paragraph.", "", "  Third, after an empty one.  "]));
    expect(parse?.format).toBe("docx");
    expect(parse?.rows).toEqual([
      { file: "essay.docx", line: 1, fields: { text: "First paragraph." } },
      { file: "essay.docx", line: 3, fields: { text: "Third, after an empty one." } },
    ]);
  });

  it("reads a stored (uncompressed) docx", async () => {
    const [parse] = await parseDocx(
      "stored.docx",
      zip(docxEntries(["Stored text"]).map((e) => ({ ...e, method: 0 as const }))),
    );
    expect(parse?.rows[0]?.fields).toEqual({ text: "Stored text" });
  });

  it("rejects a zip bomb that declares more than the unzipped limit", async () => {
    const bomb = docxBomb(70);
    expect(bomb.length).toBeLessThan(200_000);
    await expect(parseDocx("bomb.docx", bomb)).rejects.toMatchObject({
      code: "zip_bomb",
      status: 413,
      details: { limit: "maxUnzippedBytes" },
    });
  });

  it("rejects an absurd compression ratio under the size limit", async () => {
    await expect(parseDocx("ratio.docx", docxBomb(8))).rejects.toMatchObject({
      code: "zip_bomb",
      details: { limit: "maxCompressionRatio" },
    });
  });

  it("rejects a bomb that under-declares its size, by inflating with a cap", async () => {
    await expect(parseDocx("liar.docx", docxBomb(70, true))).rejects.toMatchObject({
      code: "zip_bomb",
      message: expect.stringContaining("inflates past"),
    });
  });

  it("rejects broken and non-Word archives, and non-zip .docx files", async () => {
    const good = docx(["x"]);
    await expect(parseDocx("cut.docx", good.subarray(0, good.length - 30))).rejects.toMatchObject({
      code: "invalid_docx",
      status: 422,
    });
    await expect(parseDocx("other.docx", zip([{ name: "a.txt", data: utf8("hi") }]))).rejects.toMatchObject({
      code: "invalid_docx",
      message: expect.stringContaining("word/document.xml"),
    });
    await expect(parseDocx("text.docx", utf8("just text"))).rejects.toMatchObject({
      code: "unsupported_format",
      status: 415,
    });
    const garbled = zip(
      docxEntries(["x"]).map((e) =>
        e.name === "word/document.xml" ? { ...e, compressed: new Uint8Array([0xff, 0xff, 0xff, 0x07, 0x00]) } : e,
      ),
    );
    await expect(parseDocx("garbled.docx", garbled)).rejects.toMatchObject({
      code: "invalid_docx",
      message: expect.stringContaining("does not inflate"),
    });
  });

  it("recognises a .docx renamed without its extension", async () => {
    const [parse] = await parseDocx("upload", docx(["Renamed"]));
    expect(parse?.format).toBe("docx");
  });
});
