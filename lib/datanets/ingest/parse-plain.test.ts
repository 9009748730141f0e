import { describe, expect, it } from "vitest";
import { parseFiles } from "./parse-files";
import { utf8 } from "./testing/fixtures";

const one = async (name: string, text: string, maxRowChars?: number) => {
  const [parse] = await parseFiles([{ name, bytes: utf8(text) }], { kind: "text", limits: { maxRowChars } });
  if (!parse) throw new Error("no parse");
  return parse;
};

describe("plain text and Markdown", () => {
  it("makes one trimmed row per paragraph, keeping internal whitespace and the first line", async () => {
    const parse = await one(
      "moby.txt",
      "\uFEFFCall me  Ishmael.\nSome years ago.\n\n\n   It was a\tdamp November.  \n",
    );
    expect(parse.format).toBe("text");
    expect(parse.rows).toEqual([
      { file: "moby.txt", line: 1, fields: { text: "Call me  Ishmael.\nSome years ago." } },
      { file: "moby.txt", line: 5, fields: { text: "It was a\tdamp November." } },
    ]);
    expect(parse.columns).toBeUndefined();
  });

  it("keeps Markdown code fences in one row", async () => {
    const parse = await one("doc.md", "# Title\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n");
    expect(parse.format).toBe("markdown");
    expect(parse.rows.map((r) => r.line)).toEqual([1, 3]);
  });

  it("splits an over-long paragraph at line breaks and reports a line that cannot be split", async () => {
    const parse = await one("long.txt", `${"a".repeat(8)}\n${"b".repeat(8)}\n${"c".repeat(30)}\nd`, 20);
    expect(parse.rows.map((r) => [r.line, (r.fields as { text: string }).text])).toEqual([
      [1, "aaaaaaaa\nbbbbbbbb"],
      [4, "d"],
    ]);
    expect(parse.problems).toEqual([
      expect.objectContaining({ line: 3, code: "row_too_long", message: expect.stringContaining("maxRowChars") }),
    ]);
  });

  it("rejects plain text for an instruction Datanet, naming the kind it fits", async () => {
    const bytes = utf8("Some prose.\n");
    await expect(parseFiles([{ name: "notes.txt", bytes }], { kind: "instruction" })).rejects.toMatchObject({
      code: "kind_mismatch",
      status: 422,
      details: { fits: ["text"], kind: "instruction" },
    });
    await expect(parseFiles([{ name: "notes.txt", bytes }], { kind: "instruction" })).rejects.toThrow(
      /fits a "text" Datanet only.*prompt and completion/,
    );
  });

  it("treats whitespace-only files as empty", async () => {
    await expect(one("blank.txt", " \n\n\t\n")).rejects.toMatchObject({ code: "empty_file", status: 422 });
  });
});

describe("source code", () => {
  const py = "\n\nimport os\n\n\ndef main():\n    print(os.getcwd())\n";

  it("makes the whole file one row, keeping indentation", async () => {
    const parse = await one("tool.py", py);
    expect(parse.format).toBe("code");
    expect(parse.rows).toEqual([
      { file: "tool.py", line: 3, fields: { text: "import os\n\n\ndef main():\n    print(os.getcwd())" } },
    ]);
  });

  it("splits long files into chunks at line boundaries, each with its first line", async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `    x${i} = ${i}  # padding`);
    const parse = await one("big.ts", lines.join("\n"), 250);
    expect(parse.rows.length).toBeGreaterThan(5);
    for (const row of parse.rows) {
      const text = (row.fields as { text: string }).text;
      expect(text.length).toBeLessThanOrEqual(250);
      expect(text.startsWith(lines[row.line - 1] as string)).toBe(true);
    }
    expect(parse.rows.map((r) => (r.fields as { text: string }).text).join("\n")).toBe(lines.join("\n"));
  });

  it("reads files without an extension as text and refuses unknown extensions", async () => {
    expect((await one("Makefile", "all:\n\techo hi\n")).format).toBe("text");
    await expect(one("data.xlsx", "whatever")).rejects.toMatchObject({ code: "unsupported_format", status: 415 });
  });
});
