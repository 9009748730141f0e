import { describe, expect, it } from "vitest";
import { BYTE_BOS_ID, BYTE_EOS_ID, BYTE_PAD_ID, createByteTokenizer } from "./byte";

describe("byte tokenizer", () => {
  const tok = createByteTokenizer();

  it("encodes UTF-8 bytes and round-trips any text", () => {
    expect(tok.encode("Hi")).toEqual([72, 105]);
    expect(tok.encode("é")).toEqual([0xc3, 0xa9]);
    for (const text of ["", "hello", "héllo 日本語 🎉", "\uFEFFbom first", "<|eos|> is text here"]) {
      expect(tok.decode(tok.encode(text))).toBe(text);
    }
  });

  it("has 256 byte ids then BOS/EOS/PAD", () => {
    expect(tok.vocabSize).toBe(259);
    expect([tok.bosId, tok.eosId, tok.padId]).toEqual([BYTE_BOS_ID, BYTE_EOS_ID, BYTE_PAD_ID]);
    expect([BYTE_BOS_ID, BYTE_EOS_ID, BYTE_PAD_ID]).toEqual([256, 257, 258]);
    expect(tok.specialTokens).toEqual({ "<|bos|>": 256, "<|eos|>": 257, "<|pad|>": 258 });
    expect(tok.encode("<|eos|>")).toHaveLength(7);
  });

  it("renders or skips special tokens", () => {
    const ids = [BYTE_BOS_ID, 104, 105, BYTE_EOS_ID, BYTE_PAD_ID];
    expect(tok.decode(ids)).toBe("<|bos|>hi<|eos|><|pad|>");
    expect(tok.decode(ids, { skipSpecialTokens: true })).toBe("hi");
  });

  it("decodes a split character as U+FFFD and rejects ids outside the vocabulary", () => {
    expect(tok.decode([0xe6, 0x97])).toBe("\uFFFD");
    expect(() => tok.decode([259])).toThrow(RangeError);
    expect(() => tok.decode([-1])).toThrow(/outside the byte vocabulary/);
    expect(() => tok.decode([1.5])).toThrow(RangeError);
  });

  it("can drop the special tokens for a pure 256-id vocabulary", () => {
    const raw = createByteTokenizer({ specialTokens: false });
    expect(raw.vocabSize).toBe(256);
    expect(raw.eosId).toBeUndefined();
    expect(raw.specialTokens).toEqual({});
    expect(() => raw.decode([256])).toThrow(RangeError);
    expect(raw.spec).toEqual({ type: "byte", specialTokens: false });
  });

  it("typed arrays decode like arrays", () => {
    expect(tok.decode(Int32Array.from(tok.encode("ok")))).toBe("ok");
  });
});
