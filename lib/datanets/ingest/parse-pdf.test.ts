import { describe, expect, it } from "vitest";
import { parseFiles } from "./parse-files";
import { pdf, utf8 } from "./testing/fixtures";

const parsePdf = (name: string, bytes: Uint8Array, maxRowChars?: number) =>
  parseFiles([{ name, bytes }], { kind: "text", limits: { maxRowChars } });

describe("PDF", () => {
  it("extracts one row per page, numbered by page, and reports pages without text", async () => {
    const bytes = pdf(["Hello from page one", "", "Page three (with parentheses)"]);
    expect(bytes.length).toBeLessThan(2000);
    const [parse] = await parsePdf("paper.pdf", bytes);
    expect(parse?.format).toBe("pdf");
    expect(parse?.rows).toEqual([
      { file: "paper.pdf", line: 1, fields: { text: "Hello from page one" } },
      { file: "paper.pdf", line: 3, fields: { text: "Page three (with parentheses)" } },
    ]);
    expect(parse?.problems).toEqual([
      { file: "paper.pdf", line: 2, code: "empty_row", message: "page 2 has no extractable text (a scanned image?)" },
    ]);
  });

  it("chunks a long page at line breaks, every chunk keeping the page number", async () => {
    const page = Array.from({ length: 12 }, (_, i) => `Line number ${i} of the long page`).join("\n");
    const [parse] = await parsePdf("long.pdf", pdf(["short", page]), 120);
    expect(parse?.rows.length).toBeGreaterThan(3);
    expect(new Set(parse?.rows.slice(1).map((r) => r.line))).toEqual(new Set([2]));
  });

  it("rejects a PDF without text, a broken PDF and a fake .pdf", async () => {
    await expect(parsePdf("scan.pdf", pdf([""]))).rejects.toMatchObject({ code: "no_text", status: 422 });
    await expect(parsePdf("broken.pdf", utf8("%PDF-1.4\ngarbage that is no pdf"))).rejects.toMatchObject({
      code: "invalid_pdf",
      status: 422,
    });
    await expect(parsePdf("fake.pdf", utf8("plain words"))).rejects.toMatchObject({
      code: "unsupported_format",
      status: 415,
    });
  });
});
