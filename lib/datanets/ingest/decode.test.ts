import { describe, expect, it } from "vitest";
import { checkText, decodeAll, decodeChunks, firstInvalidUtf8, firstInvalidUtf16, lineAtOffset } from "./decode";
import { IngestError } from "./errors";
import { concat, utf8 } from "./testing/fixtures";

const thrown = (fn: () => unknown): IngestError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error("expected an IngestError");
};

describe("firstInvalidUtf8", () => {
  const cases: [string, number[]][] = [
    ["lone continuation", [0x41, 0x80]],
    ["overlong 2-byte", [0x41, 0xc0, 0x80]],
    ["overlong 3-byte", [0xe0, 0x80, 0x80]],
    ["surrogate", [0xed, 0xa0, 0x80]],
    ["above U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["truncated at end", [0x41, 0xe2, 0x82]],
    ["latin-1 é", [0x63, 0x61, 0x66, 0xe9, 0x0a]],
  ];
  it.each(cases)("agrees with TextDecoder on %s", (_, bytes) => {
    const b = new Uint8Array(bytes);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(b)).toThrow();
    expect(firstInvalidUtf8(b)).toBeGreaterThanOrEqual(0);
  });

  it("accepts valid multi-byte text and finds the exact offset", () => {
    const valid = utf8("héllo wörld € 𝄞 日本");
    expect(firstInvalidUtf8(valid)).toBe(-1);
    expect(firstInvalidUtf8(concat([valid, new Uint8Array([0xff])]))).toBe(valid.length);
  });
});

describe("checkText", () => {
  it("rejects a PNG renamed .csv, naming what it really is", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = thrown(() => checkText("photo.csv", png, "CSV text"));
    expect(error.code).toBe("binary_file");
    expect(error.status).toBe(415);
    expect(error.message).toContain("a PNG image");
  });

  it("rejects NUL bytes with their offset and line", () => {
    const error = thrown(() => checkText("data.csv", utf8("a,b\n1,2\nx\u0000y"), "CSV text"));
    expect(error.code).toBe("binary_file");
    expect(error.details).toMatchObject({ offset: 9, line: 3 });
  });

  it("rejects UTF-16 saved without a BOM", () => {
    const bytes = new Uint8Array(Buffer.from("text,label\nhello,pos\n", "utf16le"));
    expect(thrown(() => checkText("u16.csv", bytes, "CSV text")).message).toContain("UTF-16");
  });

  it("recognises BOMs", () => {
    expect(checkText("a.txt", utf8("\uFEFFhi"), "plain text")).toEqual({ encoding: "utf-8", bomBytes: 3 });
    const le = concat([new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from("hi", "utf16le"))]);
    expect(checkText("a.txt", le, "plain text")).toEqual({ encoding: "utf-16le", bomBytes: 2 });
    expect(decodeAll("a.txt", le, "utf-16le", 2)).toBe("hi");
  });
});

describe("decoding", () => {
  it("names the byte offset and line of invalid UTF-8", () => {
    const bytes = concat([utf8("text\nfine\ncaf"), new Uint8Array([0xe9]), utf8("\n")]);
    const error = thrown(() => decodeAll("latin1.csv", bytes, "utf-8", 0));
    expect(error.code).toBe("invalid_encoding");
    expect(error.status).toBe(422);
    expect(error.details).toMatchObject({ offset: 13, line: 3 });
    expect(error.message).toMatch(/offset 13 \(line 3\)/);
  });

  it("decodes in chunks without splitting multi-byte characters", () => {
    const text = "€𝄞é".repeat(1000);
    const chunks = [...decodeChunks("a.txt", utf8(text), "utf-8", 0, 7)];
    expect(chunks.map((c) => c.text).join("")).toBe(text);
    expect(chunks.at(-1)?.last).toBe(true);
  });

  it("reports an error found mid-stream with its offset", () => {
    const bytes = concat([utf8("x".repeat(50)), new Uint8Array([0xc3, 0x28])]);
    const error = thrown(() => [...decodeChunks("a.txt", bytes, "utf-8", 0, 16)]);
    expect(error.details).toMatchObject({ offset: 50, line: 1 });
  });

  it("finds unpaired UTF-16 surrogates", () => {
    expect(firstInvalidUtf16(new Uint8Array([0x41, 0, 0x00, 0xd8, 0x41, 0]), true)).toBe(2);
    expect(firstInvalidUtf16(new Uint8Array([0x41, 0, 0x3d, 0xd8, 0x00, 0xde]), true)).toBe(-1);
  });

  it("counts lines up to an offset", () => {
    expect(lineAtOffset(utf8("a\nb\nc"), 4)).toBe(3);
  });
});
