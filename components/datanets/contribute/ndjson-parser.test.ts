import { describe, expect, it } from "vitest";
import { ndjsonParser, responseTextReader } from "./ndjson-parser";

describe("ndjsonParser", () => {
  it("returns complete lines and keeps a partial one until the rest arrives", () => {
    const parser = ndjsonParser();
    expect(parser.push('{"type":"progress","done":1}\n{"type":"pro')).toEqual([{ type: "progress", done: 1 }]);
    expect(parser.push('gress","done":2}')).toEqual([]);
    expect(parser.push('\n{"type":"result","rows":[1,2]}\n')).toEqual([
      { type: "progress", done: 2 },
      { type: "result", rows: [1, 2] },
    ]);
    expect(parser.end()).toEqual([]);
  });

  it("parses a last line without a newline at the end, and skips blank lines", () => {
    const parser = ndjsonParser();
    expect(parser.push('\n\n{"a":1}\r\n\n{"b"')).toEqual([{ a: 1 }]);
    expect(parser.push(":2}")).toEqual([]);
    expect(parser.end()).toEqual([{ b: 2 }]);
  });

  it("keeps strings with escaped newlines and multi-byte text whole", () => {
    const parser = ndjsonParser();
    const line = `${JSON.stringify({ text: "two\nlines — ünïcode 🙂" })}\n`;
    const values = [...line].flatMap((char) => parser.push(char));
    expect(values).toEqual([{ text: "two\nlines — ünïcode 🙂" }]);
  });

  it("throws on a line that is not JSON", () => {
    const parser = ndjsonParser();
    expect(() => parser.push("<html>\n")).toThrow();
  });
});

describe("responseTextReader", () => {
  it("reads only what a growing responseText added since the last call", () => {
    const reader = responseTextReader();
    let text = '{"type":"progress","phase":"parse","done":10,"total":100}\n{"type":"progress"';
    expect(reader.read(text)).toEqual([{ type: "progress", phase: "parse", done: 10, total: 100 }]);
    expect(reader.read(text)).toEqual([]);
    text += ',"phase":"rows","done":5,"total":9}\n{"type":"result","ok":true}';
    expect(reader.read(text)).toEqual([{ type: "progress", phase: "rows", done: 5, total: 9 }]);
    expect(reader.end(text)).toEqual([{ type: "result", ok: true }]);
  });
});
