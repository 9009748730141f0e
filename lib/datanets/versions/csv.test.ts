import { describe, expect, it } from "vitest";
import { csvEscapeCell, csvLine } from "./csv";

describe("csvEscapeCell", () => {
  it("neutralizes formula injection with a leading apostrophe", () => {
    expect(csvEscapeCell("=1+1")).toBe("'=1+1");
    expect(csvEscapeCell("+1")).toBe("'+1");
    expect(csvEscapeCell("-2+3")).toBe("'-2+3");
    expect(csvEscapeCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvEscapeCell("\tx")).toBe("'\tx");
    expect(csvEscapeCell("\r=x")).toBe(`"'\r=x"`);
    expect(csvEscapeCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csvEscapeCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
  });

  it("quotes commas, quotes and newlines, doubling quotes", () => {
    expect(csvEscapeCell("a,b")).toBe('"a,b"');
    expect(csvEscapeCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvEscapeCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvEscapeCell("=1,2")).toBe(`"'=1,2"`);
  });

  it("leaves harmless text alone and writes data values as they are", () => {
    expect(csvEscapeCell("hello = world")).toBe("hello = world");
    expect(csvEscapeCell("")).toBe("");
    expect(csvEscapeCell(null)).toBe("");
    expect(csvEscapeCell(undefined)).toBe("");
    expect(csvEscapeCell(-5)).toBe("-5");
    expect(csvEscapeCell(12n)).toBe("12");
    expect(csvEscapeCell(true)).toBe("true");
    expect(csvEscapeCell({ a: 1, b: "x" })).toBe('"{""a"":1,""b"":""x""}"');
  });

  it("joins a CRLF record", () => {
    expect(csvLine(["a", "=b", "c,d"])).toBe(`a,'=b,"c,d"\r\n`);
  });
});
