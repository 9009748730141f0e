import { describe, expect, it } from "vitest";
import { chunkLines, paragraphs, splitLines } from "./text-blocks";

describe("paragraphs", () => {
  it("splits on blank lines (whitespace-only too) and records each paragraph's first line", () => {
    const blocks = paragraphs(splitLines("one\ntwo\n\n  \nthree\r\n\r\nfour"));
    expect(blocks).toEqual([
      { line: 1, lines: ["one", "two"] },
      { line: 5, lines: ["three"] },
      { line: 7, lines: ["four"] },
    ]);
  });

  it("keeps a Markdown code fence whole across blank lines", () => {
    const blocks = paragraphs(splitLines("Intro\n\n```py\na = 1\n\nb = 2\n```\n\nEnd"), 1, true);
    expect(blocks.map((b) => b.line)).toEqual([1, 3, 9]);
    expect(blocks[1]?.lines).toHaveLength(5);
  });
});

describe("chunkLines", () => {
  it("packs lines up to the limit and reports a line that alone is too long", () => {
    const pieces = chunkLines({ line: 10, lines: ["aaaa", "bbbb", "cccc", "x".repeat(20), "dd"] }, 9);
    expect(pieces).toEqual([
      { line: 10, text: "aaaa\nbbbb" },
      { line: 12, text: "cccc" },
      { line: 13, tooLong: 20 },
      { line: 14, text: "dd" },
    ]);
  });
});
