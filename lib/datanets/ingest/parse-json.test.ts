import { describe, expect, it } from "vitest";
import { parseFiles } from "./parse-files";
import { utf8 } from "./testing/fixtures";

const one = async (name: string, text: string, kind: "text" | "instruction" | "labelled" = "instruction") => {
  const [parse] = await parseFiles([{ name, bytes: utf8(text) }], { kind });
  if (!parse) throw new Error("no parse");
  return parse;
};

describe("JSONL", () => {
  it("parses one object per line with guessed keys", async () => {
    const parse = await one("a.jsonl", '{"question":" Q1 ","answer":"A1","id":1}\n\n{"question":"Q2","answer":"A2"}\n');
    expect(parse.format).toBe("jsonl");
    expect(parse.columns).toEqual(["question", "answer", "id"]);
    expect(parse.mapping).toEqual({ prompt: "question", completion: "answer" });
    expect(parse.rows).toEqual([
      { file: "a.jsonl", line: 1, fields: { prompt: "Q1", completion: "A1" } },
      { file: "a.jsonl", line: 3, fields: { prompt: "Q2", completion: "A2" } },
    ]);
  });

  it("reports a broken line with its line number, and schema problems per row", async () => {
    const parse = await one(
      "b.jsonl",
      [
        '{"prompt":"p1","completion":"c1"}',
        '{"prompt":"p2","completion":',
        '{"prompt":"p3"}',
        '["not","an","object"]',
        '{"prompt":"p5","completion":42}',
        '{"prompt":"p6","completion":"c6"}',
        '{"prompt":"p7","completion":"c7"}',
      ].join("\n"),
    );
    expect(parse.rows.map((r) => r.line)).toEqual([1, 6, 7]);
    expect(parse.problems.map((p) => [p.line, p.code])).toEqual([
      [2, "parse_error"],
      [3, "schema"],
      [4, "schema"],
      [5, "schema"],
    ]);
    expect(parse.problems[0]?.message).toMatch(/^not valid JSON/);
    expect(parse.problems[1]?.message).toBe('missing completion (column "completion")');
    expect(parse.problems[3]?.message).toBe('completion (column "completion") must be a string, got number 42');
  });

  it("flags a non-string label and an escaped lone surrogate", async () => {
    const parse = await one(
      "l.jsonl",
      '{"text":"t","label":1}\n{"text":"bad \\ud800 x","label":"a"}\n{"text":"ok","label":"b"}',
      "labelled",
    );
    expect(parse.problems.map((p) => p.code)).toEqual(["schema", "invalid_encoding"]);
    expect(parse.rows).toHaveLength(1);
  });

  it("rejects a file that is mostly not JSON Lines", async () => {
    await expect(one("c.jsonl", "hello\nworld\n{}")).rejects.toMatchObject({
      code: "parse_error",
      status: 422,
      details: { line: 1 },
    });
  });

  it("reads a JSON array saved as .jsonl as JSON", async () => {
    const parse = await one("arr.jsonl", '[{"prompt":"p","completion":"c"}]');
    expect(parse.format).toBe("json");
  });
});

describe("JSON", () => {
  it("parses an array of objects with each element's source line", async () => {
    const text = '[\n  {"prompt": "a", "completion": "b"},\n  {\n    "prompt": "c [x]", "completion": "d, {e}"\n  }\n]';
    const parse = await one("a.json", text);
    expect(parse.rows).toEqual([
      { file: "a.json", line: 2, fields: { prompt: "a", completion: "b" } },
      { file: "a.json", line: 3, fields: { prompt: "c [x]", completion: "d, {e}" } },
    ]);
  });

  it("parses {rows: [...]} and reports non-object elements", async () => {
    const text = '{"meta": {"rows": "no"}, "name": "x",\n "rows": [\n {"text":"t","label":"l"},\n 5\n]}';
    const parse = await one("r.json", text, "labelled");
    expect(parse.rows.map((r) => r.line)).toEqual([3]);
    expect(parse.problems).toEqual([
      { file: "r.json", line: 4, code: "schema", message: "expected a JSON object, got a number" },
    ]);
  });

  it("rejects invalid JSON with its line, and a wrong top level", async () => {
    await expect(one("bad.json", '[\n{"prompt": "a",}\n]')).rejects.toMatchObject({ code: "parse_error", status: 422 });
    await expect(one("obj.json", '{"data": []}')).rejects.toMatchObject({ code: "schema" });
    await expect(one("e.json", "[]")).rejects.toMatchObject({ code: "empty_file" });
  });

  it("reads JSON Lines saved as .json as JSON Lines", async () => {
    const parse = await one("l.json", '{"prompt":"a","completion":"b"}\n{"prompt":"c","completion":"d"}\n');
    expect(parse.format).toBe("jsonl");
    expect(parse.rows).toHaveLength(2);
  });
});
