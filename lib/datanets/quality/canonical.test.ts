import { describe, expect, it } from "vitest";
import { canonicalRow, jsonString, normalizedRow, normalizeText, rowKind } from "./canonical";

describe("canonicalRow", () => {
  it("writes the schema keys in fixed order per kind, ignoring property order and extra properties", () => {
    expect(canonicalRow({ text: "hi" })).toBe('{"text":"hi"}');
    expect(canonicalRow({ completion: "b", prompt: "a" })).toBe('{"prompt":"a","completion":"b"}');
    expect(canonicalRow({ label: "spam", text: "x" })).toBe('{"text":"x","label":"spam"}');
    const extra = { text: "x", note: "ignored" } as { text: string };
    expect(canonicalRow(extra)).toBe('{"text":"x"}');
  });

  it("NFC-normalizes so composed and decomposed text are the same row", () => {
    expect(canonicalRow({ text: "Cafe\u0301" })).toBe(canonicalRow({ text: "Caf\u00e9" }));
    expect(canonicalRow({ text: "Cafe\u0301" })).toBe('{"text":"Café"}');
  });

  it("keeps case, whitespace and punctuation, and escapes like JSON.stringify", () => {
    expect(canonicalRow({ text: ' A\t"b"\n\\ ' })).toBe('{"text":" A\\t\\"b\\"\\n\\\\ "}');
    expect(canonicalRow({ text: "\u0001" })).toBe('{"text":"\\u0001"}');
  });

  it("rejects non-string fields", () => {
    expect(() => canonicalRow({ text: 5 } as unknown as { text: string })).toThrow(TypeError);
  });

  it("detects the kind from the fields", () => {
    expect(rowKind({ text: "a" })).toBe("text");
    expect(rowKind({ prompt: "a", completion: "b" })).toBe("instruction");
    expect(rowKind({ text: "a", label: "b" })).toBe("labelled");
  });
});

describe("normalizeText", () => {
  it("folds compatibility forms and case, collapses whitespace and strips edge punctuation", () => {
    expect(normalizeText("  Hello,\t\n  WORLD!!  ")).toBe("hello, world");
    expect(normalizeText("ＦＵＬＬ width ﬁne")).toBe("full width fine");
    expect(normalizeText("«¿Qué?»")).toBe("qué");
    expect(normalizeText("...")).toBe("");
    expect(normalizeText("$5 + 3")).toBe("$5 + 3");
  });

  it("treats every ASCII character like the \\p{P}/\\s regex would at the edges", () => {
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      const stripped = /[\p{P}\s]/u.test(ch);
      expect(normalizeText(`${ch}x${ch}`), `char ${c}`).toBe(stripped ? "x" : `${ch}x${ch}`.toLowerCase());
    }
  });

  it("handles astral characters at the edges", () => {
    expect(normalizeText("😀 hi 😀")).toBe("😀 hi 😀");
    expect(normalizeText("𝄞hi")).toBe("𝄞hi");
  });
});

describe("normalizedRow", () => {
  it("is a JSON array of normalized fields in canonical order", () => {
    expect(normalizedRow({ completion: " B. ", prompt: "A?" })).toBe('["a","b"]');
  });
});

describe("jsonString", () => {
  it("equals JSON.stringify on every character class it special-cases", () => {
    const samples = ["plain", 'q"uote', "back\\slash", "\u0000\u001f\u007f", "😀", "\ud800x", "x\udc00", "é€", ""];
    for (let c = 0; c < 0x110; c++) samples.push(`a${String.fromCharCode(c)}b`);
    for (const s of samples) expect(jsonString(s)).toBe(JSON.stringify(s));
  });
});
