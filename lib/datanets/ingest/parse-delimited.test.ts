import { describe, expect, it } from "vitest";
import { parseFiles } from "./parse-files";
import { utf8 } from "./testing/fixtures";

const one = async (name: string, text: string, kind: "text" | "instruction" | "labelled" = "labelled") => {
  const [parse] = await parseFiles([{ name, bytes: utf8(text) }], { kind });
  if (!parse) throw new Error("no parse");
  return parse;
};

describe("CSV and TSV", () => {
  it("parses a CSV with a header, trims fields, keeps inner whitespace and returns the guessed mapping", async () => {
    const parse = await one("reviews.csv", 'id,text,label\n1,  Great   film  ,pos\n2,"Bad, boring",neg\n');
    expect(parse.format).toBe("csv");
    expect(parse.columns).toEqual(["id", "text", "label"]);
    expect(parse.mapping).toEqual({ text: "text", label: "label" });
    expect(parse.rows).toEqual([
      { file: "reviews.csv", line: 2, fields: { text: "Great   film", label: "pos" } },
      { file: "reviews.csv", line: 3, fields: { text: "Bad, boring", label: "neg" } },
    ]);
    expect(parse.problems).toEqual([]);
  });

  it("parses TSV, and a semicolon CSV from European Excel", async () => {
    const tsv = await one("pairs.tsv", "prompt\tcompletion\nHi, there\tHello; friend\n", "instruction");
    expect(tsv.rows[0]?.fields).toEqual({ prompt: "Hi, there", completion: "Hello; friend" });
    const semi = await one("semi.csv", "text;label\nun, deux;fr\n");
    expect(semi.rows[0]?.fields).toEqual({ text: "un, deux", label: "fr" });
  });

  it("tracks source lines through quoted multi-line fields, CRLF and blank lines", async () => {
    const parse = await one("m.csv", 'text,label\r\n"line one\r\nline two",a\r\n\r\nnext,b\r\n');
    expect(parse.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(parse.rows[0]?.fields).toEqual({ text: "line one\r\nline two", label: "a" });
  });

  it("reports bad rows with their line and keeps the good ones", async () => {
    const parse = await one(
      "mixed.csv",
      ["text,label", "good,a", ",b", "no label,", "   ,  ", "x,y,z", "fine,c", `${"w".repeat(30_000)},d`].join("\n"),
    );
    expect(parse.rows.map((r) => r.line)).toEqual([2, 7]);
    expect(parse.problems.map((p) => [p.line, p.code])).toEqual([
      [3, "schema"],
      [4, "schema"],
      [5, "empty_row"],
      [6, "column_count"],
      [8, "row_too_long"],
    ]);
    expect(parse.problems[0]).toMatchObject({ column: "text", message: 'text (column "text") is empty' });
    expect(parse.problems[3]?.message).toBe("the row has 3 fields, the header has 2");
    expect(parse.problems[4]?.message).toContain("maxRowChars");
  });

  it("reports a malformed quoted field as a parse problem on its line", async () => {
    const parse = await one("mq.csv", 'text,label\n"ab"cd",x\nok,y\n');
    expect(parse.rows.map((r) => r.line)).toEqual([3]);
    expect(parse.problems).toEqual([expect.objectContaining({ line: 2, code: "parse_error" })]);
  });

  it("skips blank lines but reports a quoted empty value in a one-column file", async () => {
    const parse = await one("one.csv", 'text\nfirst\n\n""\nlast', "text");
    expect(parse.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(parse.problems).toEqual([expect.objectContaining({ line: 4, code: "empty_row" })]);
  });

  it("accepts trailing empty fields from spreadsheet exports", async () => {
    const parse = await one("t.csv", "text,label\nhello,a,,\n");
    expect(parse.rows).toHaveLength(1);
  });

  it("rejects a file where most rows have the wrong number of columns", async () => {
    await expect(one("bad.csv", "text,label\na,b,c\nd,e,f\ng,h\n")).rejects.toMatchObject({
      code: "inconsistent_columns",
      status: 422,
      details: { line: 2, expected: 2, found: 3, mismatched: 2, rows: 3 },
    });
  });

  it("rejects an unclosed quote with the line it starts on", async () => {
    await expect(one("q.csv", 'text,label\na,b\n"never closed,c\nd,e\n')).rejects.toMatchObject({
      code: "unclosed_quote",
      details: { line: 3 },
    });
  });

  it("requires a header row and data", async () => {
    await expect(one("h.csv", "text,label\n")).rejects.toMatchObject({ code: "empty_file", status: 422 });
    await expect(one("n.csv", "1,2\n3,4\n")).rejects.toMatchObject({ code: "missing_header" });
    await expect(one("d.csv", "text,text\na,b\n")).rejects.toMatchObject({ code: "duplicate_column" });
  });

  it("names a missing mapped column and the columns present", async () => {
    const bytes = utf8("question,answer\nq,a\n");
    await expect(
      parseFiles([{ name: "qa.csv", bytes }], { kind: "instruction", mapping: { prompt: "prompt_text" } }),
    ).rejects.toMatchObject({
      code: "missing_column",
      status: 422,
      details: { column: "prompt_text", columns: ["question", "answer"] },
    });
    const [ok] = await parseFiles([{ name: "qa.csv", bytes }], {
      kind: "instruction",
      mappings: { "qa.csv": { prompt: "question" } },
    });
    expect(ok?.rows[0]?.fields).toEqual({ prompt: "q", completion: "a" });
  });

  it("streams a multi-chunk file with quoted fields across chunk boundaries and exact lines", async () => {
    const lines = ["text,label"];
    for (let i = 0; i < 30_000; i++)
      lines.push(i % 7 === 0 ? `"row ${i}\nmore ""${i}""",L${i % 3}` : `row ${i} ${"x".repeat(70)},L${i % 3}`);
    const text = `${lines.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const progress: number[] = [];
    const [parse] = await parseFiles([{ name: "big.csv", bytes: utf8(text) }], {
      kind: "labelled",
      onProgress: (p) => progress.push(p.bytesDone),
    });
    expect(parse?.rows).toHaveLength(30_000);
    expect(parse?.problems).toEqual([]);
    // Record i starts on line 2 + i + (number of earlier multi-line records).
    for (const i of [0, 1, 7, 8, 12_345, 29_999]) {
      const row = parse?.rows[i];
      expect(row?.line).toBe(2 + i + Math.ceil(i / 7));
      expect((row?.fields as { text: string } | undefined)?.text.startsWith(`row ${i}`)).toBe(true);
    }
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(utf8(text).length);
  });
});
