import { beforeAll, describe, expect, it } from "vitest";
import { GPT2_END_OF_TEXT_ID, GPT2_VOCAB_SIZE, loadGpt2Tokenizer } from "./gpt2";
import type { Tokenizer } from "./types";

describe("gpt2 tokenizer", () => {
  let tok: Tokenizer;
  beforeAll(async () => {
    tok = await loadGpt2Tokenizer();
  });

  it("matches GPT-2's known ids", () => {
    // Reference ids from GPT-2's encoder.json / tiktoken r50k_base.
    expect(tok.encode("Hello world")).toEqual([15496, 995]);
    expect(tok.encode(" the")).toEqual([262]);
    expect(tok.vocabSize).toBe(GPT2_VOCAB_SIZE);
    expect([tok.bosId, tok.eosId, tok.padId]).toEqual([50256, 50256, 50256]);
    expect(tok.specialTokens).toEqual({ "<|endoftext|>": GPT2_END_OF_TEXT_ID });
  });

  it("round-trips text, including multi-byte characters split across tokens", () => {
    for (const text of ["", "Hello, world!", "héllo 日本語 🎉 naïve café", "  spaces\n\ttabs  ", "\uFEFFbom"]) {
      expect(tok.decode(tok.encode(text))).toBe(text);
    }
  });

  it("treats special-token text in the input as text", () => {
    const ids = tok.encode("a<|endoftext|>b");
    expect(ids).not.toContain(GPT2_END_OF_TEXT_ID);
    expect(tok.decode(ids)).toBe("a<|endoftext|>b");
  });

  it("renders or skips <|endoftext|>", () => {
    const ids = [...tok.encode("Hi"), GPT2_END_OF_TEXT_ID];
    expect(tok.decode(ids)).toBe("Hi<|endoftext|>");
    expect(tok.decode(ids, { skipSpecialTokens: true })).toBe("Hi");
  });

  it("keeps no decoder state between calls (gpt-tokenizer's own decode does)", () => {
    const ids = tok.encode("日");
    expect(ids.length).toBeGreaterThan(1);
    const first = ids[0] as number;
    expect(tok.decode([first])).toBe("\uFFFD");
    expect(tok.decode(tok.encode("ok"))).toBe("ok");
    expect(tok.tokenBytes?.(first).length).toBeGreaterThan(0);
  });

  it("rejects ids outside the vocabulary", () => {
    expect(() => tok.decode([GPT2_VOCAB_SIZE])).toThrow(RangeError);
  });
});
