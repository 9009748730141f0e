import type { ParseContext } from "./context";
import { IngestError } from "./errors";
import { emitBlock } from "./parse-plain";
import { splitLines } from "./text-blocks";

/** .pdf: unpdf's serverless pdf.js; one row per page (line = page number), chunked when a page is long. */
export async function parsePdf(ctx: ParseContext): Promise<void> {
  const { file, bytes, sink, limits } = ctx;
  const { extractText, getDocumentProxy } = await import("unpdf"); // on demand: pdf.js is large
  let pages: string[];
  try {
    // pdf.js may detach the buffer it is given: hand it a copy so the caller's bytes stay readable.
    const pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (error) {
    const name = (error as Error).name;
    const why = name === "PasswordException" ? "it is password-protected" : (error as Error).message;
    throw new IngestError(
      "invalid_pdf",
      `${file} could not be read as a PDF: ${why}. Export it again as an unprotected PDF.`,
      422,
      { file, reason: why },
    );
  }
  if (pages.every((page) => page.trim() === "")) {
    throw new IngestError(
      "no_text",
      `${file} has ${pages.length} page(s) but no extractable text (scanned images?). Run OCR on it first, or upload the text.`,
      422,
      { file, pages: pages.length },
    );
  }
  pages.forEach((page, i) => {
    if (page.trim() === "") {
      sink.problem(i + 1, "empty_row", `page ${i + 1} has no extractable text (a scanned image?)`);
      return;
    }
    emitBlock(sink, { line: i + 1, lines: splitLines(page) }, limits, false, true);
  });
  ctx.progress(bytes.length);
}
