import type { ParseContext } from "./context";
import { guardDocx } from "./docx-guard";
import { IngestError } from "./errors";
import { emitBlock } from "./parse-plain";
import { splitLines } from "./text-blocks";

/** .docx: vetted against zip bombs, then mammoth's raw text; one row per paragraph (line = paragraph number). */
export async function parseDocx(ctx: ParseContext): Promise<void> {
  const { file, bytes, sink, limits } = ctx;
  await guardDocx(file, bytes, limits);
  const mammoth = (await import("mammoth")).default; // loaded on demand: keeps it out of bundles that never see a .docx
  let text: string;
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    text = result.value;
  } catch (error) {
    throw new IngestError(
      "invalid_docx",
      `${file} could not be read as a Word document: ${(error as Error).message}. Open it in Word and save it again as .docx.`,
      422,
      { file },
    );
  }
  // mammoth ends every paragraph with a blank line, so paragraph i is the i-th "\n\n"-separated part.
  const parts = text.split("\n\n");
  parts.forEach((paragraph, i) => {
    if (paragraph.trim() === "") return; // an empty paragraph is spacing, not a row
    emitBlock(sink, { line: i + 1, lines: splitLines(paragraph) }, limits, false, true);
  });
  ctx.progress(bytes.length);
}
