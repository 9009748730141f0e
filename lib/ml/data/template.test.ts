import { beforeAll, describe, expect, it } from "vitest";
import { createByteTokenizer } from "../tokenizers/byte";
import { loadGpt2Tokenizer } from "../tokenizers/gpt2";
import type { Tokenizer } from "../tokenizers/types";
import {
  DEFAULT_TEMPLATE,
  encodeInstruction,
  encodePrompt,
  formatInstruction,
  formatPrompt,
  shiftForNextToken,
} from "./template";

const byte = createByteTokenizer();
const HEAD = DEFAULT_TEMPLATE.instruction.length; // byte-level: one token per byte (ASCII template)
const TAIL = DEFAULT_TEMPLATE.response.length;

describe("formatting", () => {
  it("uses the documented template", () => {
    expect(formatPrompt("Name a colour.")).toBe("### Instruction:\nName a colour.\n\n### Response:\n");
    expect(formatInstruction({ prompt: "Q", completion: "A" })).toBe("### Instruction:\nQ\n\n### Response:\nA");
  });
});

describe("encodeInstruction", () => {
  it("masks everything but the completion and its EOS", () => {
    const ex = encodeInstruction(byte, { prompt: "2+2?", completion: "4" });
    expect(byte.decode(ex.ids)).toBe("### Instruction:\n2+2?\n\n### Response:\n4<|eos|>");
    expect(ex.promptLength).toBe(HEAD + 4 + TAIL);
    expect(ex.completionLength).toBe(2);
    expect(ex.lossMask).toEqual([...new Array(ex.promptLength).fill(0), 1, 1]);
    expect(ex.ids.at(-1)).toBe(byte.eosId);
    expect(ex.truncation).toEqual({
      truncated: false,
      promptTokensDropped: 0,
      completionTokensDropped: 0,
      eosDropped: false,
      originalLength: ex.ids.length,
    });
  });

  it("adds BOS (masked) on request, and can leave EOS out", () => {
    const ex = encodeInstruction(byte, { prompt: "p", completion: "c" }, { addBos: true, addEos: false });
    expect(ex.ids[0]).toBe(byte.bosId);
    expect(ex.lossMask[0]).toBe(0);
    expect(ex.ids.at(-1)).toBe("c".charCodeAt(0));
    expect(ex.lossMask.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("shifts for next-token training: a weight on each completion target", () => {
    const ex = encodeInstruction(byte, { prompt: "p", completion: "ab" });
    const { inputs, targets, weights } = shiftForNextToken(ex);
    expect(inputs).toHaveLength(ex.ids.length - 1);
    expect(targets).toEqual(ex.ids.slice(1));
    const weighted = targets.filter((_, j) => weights[j] === 1);
    expect(byte.decode(weighted)).toBe("ab<|eos|>");
  });

  describe("truncation", () => {
    const fixed = HEAD + TAIL;

    it("drops the end of a long completion when the prompt is short, keeping its start", () => {
      const ex = encodeInstruction(byte, { prompt: "hi", completion: "abcdefghij" }, { contextLength: fixed + 2 + 5 });
      expect(ex.ids).toHaveLength(fixed + 7);
      expect(byte.decode(ex.ids.slice(ex.promptLength))).toBe("abcde");
      expect(ex.truncation).toMatchObject({
        truncated: true,
        promptTokensDropped: 0,
        completionTokensDropped: 6,
        eosDropped: true,
        originalLength: fixed + 2 + 11,
      });
    });

    it("cuts a long prompt (from its start) so the completion fits whole", () => {
      const prompt = `${"x".repeat(50)}QUESTION`;
      const ex = encodeInstruction(byte, { prompt, completion: "ok" }, { contextLength: fixed + 20 });
      expect(ex.ids).toHaveLength(fixed + 20);
      expect(byte.decode(ex.ids)).toBe(`${formatPrompt(`${"x".repeat(9)}QUESTION`)}ok<|eos|>`);
      expect(ex.truncation).toMatchObject({ promptTokensDropped: 41, completionTokensDropped: 0, eosDropped: false });
      const right = encodeInstruction(
        byte,
        { prompt, completion: "ok" },
        { contextLength: fixed + 20, truncatePrompt: "right" },
      );
      expect(byte.decode(right.ids)).toBe(`${formatPrompt("x".repeat(17))}ok<|eos|>`);
    });

    it("splits the room when both are long: the completion keeps at least completionShare", () => {
      const ex = encodeInstruction(
        byte,
        { prompt: "p".repeat(100), completion: "c".repeat(100) },
        { contextLength: fixed + 40 },
      );
      expect(ex.completionLength).toBe(20);
      expect(ex.promptLength).toBe(fixed + 20);
      const generous = encodeInstruction(
        byte,
        { prompt: "p".repeat(100), completion: "c".repeat(100) },
        { contextLength: fixed + 40, completionShare: 0.75 },
      );
      expect(generous.completionLength).toBe(30);
      expect(generous.ids).toHaveLength(fixed + 40);
      expect(generous.lossMask.filter((m) => m === 1)).toHaveLength(30);
    });

    it("gives a short prompt's unused share to the completion", () => {
      const ex = encodeInstruction(
        byte,
        { prompt: "p".repeat(5), completion: "c".repeat(100) },
        { contextLength: fixed + 40 },
      );
      expect(ex.promptLength).toBe(fixed + 5);
      expect(ex.completionLength).toBe(35);
    });

    it("always keeps at least one completion token, and refuses a context the template cannot fit in", () => {
      const ex = encodeInstruction(byte, { prompt: "p".repeat(10), completion: "abc" }, { contextLength: fixed + 1 });
      expect(ex.completionLength).toBe(1);
      expect(ex.truncation.promptTokensDropped).toBe(10);
      expect(() => encodeInstruction(byte, { prompt: "p", completion: "c" }, { contextLength: fixed })).toThrow(
        /no room for a completion/,
      );
    });

    it("never leaves an example longer than the context", () => {
      for (let L = fixed + 1; L < fixed + 30; L++) {
        for (const [p, c] of [
          [0, 0],
          [3, 40],
          [40, 3],
          [25, 25],
        ] as const) {
          const ex = encodeInstruction(
            byte,
            { prompt: "p".repeat(p), completion: "c".repeat(c) },
            { contextLength: L },
          );
          expect(ex.ids.length).toBeLessThanOrEqual(L);
          expect(ex.ids.length).toBe(Math.min(L, fixed + p + c + 1));
          expect(ex.lossMask).toHaveLength(ex.ids.length);
        }
      }
    });
  });
});

describe("encodePrompt", () => {
  let gpt2: Tokenizer;
  beforeAll(async () => {
    gpt2 = await loadGpt2Tokenizer();
  });

  it("reproduces the training prefix token for token", () => {
    for (const tok of [byte, gpt2]) {
      const example = { prompt: "Translate to French: good morning", completion: " bonjour" };
      const ex = encodeInstruction(tok, example);
      expect(encodePrompt(tok, example.prompt)).toEqual(ex.ids.slice(0, ex.promptLength));
    }
  });

  it("cuts the prompt to leave room for new tokens", () => {
    const ids = encodePrompt(byte, "z".repeat(100), { contextLength: HEAD + TAIL + 30, maxNewTokens: 10 });
    expect(ids).toHaveLength(HEAD + TAIL + 20);
    expect(() => encodePrompt(byte, "z", { contextLength: 10 })).toThrow(RangeError);
  });

  it("requires EOS/BOS the tokenizer has", () => {
    const raw = createByteTokenizer({ specialTokens: false });
    expect(() => encodeInstruction(raw, { prompt: "p", completion: "c" })).toThrow(/no EOS/);
    expect(encodeInstruction(raw, { prompt: "p", completion: "c" }, { addEos: false }).completionLength).toBe(1);
    expect(() => encodePrompt(raw, "p", { addBos: true })).toThrow(/no BOS/);
  });
});
