import type { IngestLimits } from "./limits";
import type { RowSink } from "./row-sink";
import { type Block, chunkLines, paragraphs, splitLines } from "./text-blocks";

/**
 * Emits a block as one row, or as line-boundary chunks when it is over maxRowChars. With `samePlace`
 * (PDF page, DOCX paragraph) every chunk keeps the block's number instead of its own first line.
 */
export function emitBlock(
  sink: RowSink,
  block: Block,
  limits: IngestLimits,
  keepIndent: boolean,
  samePlace = false,
): void {
  const whole = block.lines.join("\n");
  const text = keepIndent ? whole.replace(/\s+$/, "") : whole.trim();
  if (text.length <= limits.maxRowChars) {
    if (text.trim() !== "") sink.text(block.line, text, keepIndent);
    return;
  }
  for (const piece of chunkLines(block, limits.maxRowChars)) {
    const line = samePlace ? block.line : piece.line;
    if ("tooLong" in piece) {
      sink.problem(
        line,
        "row_too_long",
        `${samePlace ? "a line" : `line ${piece.line}`} has ${piece.tooLong.toLocaleString("en-US")} characters, over the ${limits.maxRowChars.toLocaleString("en-US")} limit (maxRowChars), and cannot be split at a line break`,
      );
    } else if (piece.text.trim() !== "") sink.text(line, piece.text, keepIndent);
  }
}

/** .txt/.md: one row per blank-line separated paragraph, trimmed, internal whitespace kept. */
export function parsePlainText(text: string, sink: RowSink, limits: IngestLimits, markdown: boolean): void {
  for (const block of paragraphs(splitLines(text), 1, markdown)) emitBlock(sink, block, limits, false);
}

/** Source code: the whole file is one row (chunked at line boundaries when long); indentation is kept. */
export function parseCode(text: string, sink: RowSink, limits: IngestLimits): void {
  const lines = splitLines(text);
  let first = 0;
  while (first < lines.length && (lines[first] as string).trim() === "") first++;
  if (first === lines.length) return;
  emitBlock(sink, { line: first + 1, lines: lines.slice(first) }, limits, true);
}
