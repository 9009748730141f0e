/** Splitting decoded text into rows: paragraphs for prose, line-boundary chunks for long blocks. */

export interface Block {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

const FENCE = /^ {0,3}(```|~~~)/;

/** Blank-line separated paragraphs; with `fences`, Markdown code fences are kept whole across blank lines. */
export function paragraphs(lines: readonly string[], firstLine = 1, fences = false): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let inFence = false;
  lines.forEach((text, i) => {
    if (fences && FENCE.test(text)) inFence = !inFence;
    if (!inFence && text.trim() === "") {
      if (current) blocks.push(current);
      current = null;
      return;
    }
    current ??= { line: firstLine + i, lines: [] };
    current.lines.push(text);
  });
  if (current) blocks.push(current);
  return blocks;
}

export type Piece = { line: number; text: string } | { line: number; tooLong: number };

/**
 * Packs lines greedily into pieces of at most maxChars (joined with "\n"); a single line longer than
 * maxChars cannot be split at a line boundary and comes back as `tooLong` with its length.
 */
export function chunkLines(block: Block, maxChars: number): Piece[] {
  const pieces: Piece[] = [];
  let start = -1;
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length > 0) pieces.push({ line: block.line + start, text: parts.join("\n") });
    parts = [];
    size = 0;
    start = -1;
  };
  block.lines.forEach((text, i) => {
    if (text.length > maxChars) {
      flush();
      pieces.push({ line: block.line + i, tooLong: text.length });
      return;
    }
    const added = parts.length === 0 ? text.length : size + 1 + text.length;
    if (added > maxChars) flush();
    if (parts.length === 0) start = i;
    parts.push(text);
    size = parts.length === 1 ? text.length : size + 1 + text.length;
  });
  flush();
  return pieces;
}
