import { describe, expect, it } from "vitest";
import { copyBytes, copyJson, copyText } from "./copy";

describe("COPY text format", () => {
  it("escapes backslash, newline, carriage return and tab in text", () => {
    expect(copyText("a\\b\nc\rd\te")).toBe("a\\\\b\\nc\\rd\\te");
    expect(copyText("plain, text; 'quotes' \"too\"")).toBe("plain, text; 'quotes' \"too\"");
  });

  it("doubles the backslashes of JSON, whose own escapes keep control characters out", () => {
    const json = copyJson({ text: 'line one\nline "two"\\' });
    expect(json).toBe('{"text":"line one\\\\nline \\\\"two\\\\"\\\\\\\\"}');
    expect(json).not.toMatch(/[\n\r\t]/);
  });

  it("writes bytea in hex input form with its backslash escaped", () => {
    expect(copyBytes(new Uint8Array([0, 1, 0xab, 0xff]))).toBe("\\\\x0001abff");
    const view = new Uint8Array([9, 8, 7, 6]).subarray(1, 3);
    expect(copyBytes(view)).toBe("\\\\x0807");
  });
});
