import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createByteTokenizer } from "./byte";
import { loadGpt2Tokenizer } from "./gpt2";
import { loadHuggingFaceTokenizer } from "./huggingface";
import { createStreamDecoder, decodeStream } from "./stream";
import { tinyByteLevelBpe, tinySentencePieceBpe, writeTokenizerFolder } from "./testing";
import type { Tokenizer } from "./types";

const TEXTS = [
  "hello world",
  "héllo wörld 日本語 🎉 and 👩‍👩‍👧 family",
  " leading space, trailing space ",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP: 😀😃",
];

let root: string;
const tokenizers: Record<string, Tokenizer> = {};
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ml-stream-"));
  tokenizers.byte = createByteTokenizer();
  tokenizers.gpt2 = await loadGpt2Tokenizer();
  tokenizers.hfByteLevel = await loadHuggingFaceTokenizer(
    await writeTokenizerFolder(path.join(root, "bl"), tinyByteLevelBpe()),
  );
  tokenizers.hfSentencePiece = await loadHuggingFaceTokenizer(
    await writeTokenizerFolder(path.join(root, "sp"), tinySentencePieceBpe()),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function streamPieces(tok: Tokenizer, ids: number[], skipSpecialTokens = false): string[] {
  const decoder = createStreamDecoder(tok, { skipSpecialTokens });
  const pieces = ids.map((id) => decoder.push(id));
  pieces.push(decoder.flush());
  return pieces;
}

describe("createStreamDecoder", () => {
  for (const name of ["byte", "gpt2", "hfByteLevel", "hfSentencePiece"]) {
    it(`${name}: pieces concatenate to decode(ids) and never hold half a character`, () => {
      const tok = tokenizers[name] as Tokenizer;
      for (const text of TEXTS) {
        const ids = tok.encode(text);
        const pieces = streamPieces(tok, ids);
        expect(pieces.join("")).toBe(tok.decode(ids));
        expect(pieces.join("")).toBe(text);
        for (const piece of pieces) {
          expect(piece).not.toContain("\uFFFD");
          expect(piece).not.toMatch(/[\uD800-\uDBFF]$/); // no dangling high surrogate
        }
      }
    });
  }

  it("holds a multi-byte character until its last byte arrives", () => {
    const decoder = createStreamDecoder(tokenizers.byte as Tokenizer);
    expect([0xe6, 0x97].map((b) => decoder.push(b))).toEqual(["", ""]);
    expect(decoder.push(0xa5)).toBe("日");
    expect(decoder.push(0xf0)).toBe("");
    expect(decoder.flush()).toBe("\uFFFD");
  });

  it("GPT-2 tokens that split a character emit nothing until it completes", () => {
    const tok = tokenizers.gpt2 as Tokenizer;
    const ids = tok.encode("🎉");
    expect(ids.length).toBeGreaterThan(1);
    const pieces = streamPieces(tok, ids);
    expect(pieces.filter((p) => p !== "")).toEqual(["🎉"]);
  });

  it("renders or skips special tokens like decode", () => {
    const tok = tokenizers.byte as Tokenizer;
    const ids = [tok.bosId as number, ...tok.encode("hi"), tok.eosId as number];
    expect(streamPieces(tok, ids).join("")).toBe("<|bos|>hi<|eos|>");
    expect(streamPieces(tok, ids, true).join("")).toBe("hi");
    const sp = tokenizers.hfSentencePiece as Tokenizer;
    const spIds = [1, ...sp.encode("hello world"), 2];
    expect(streamPieces(sp, spIds, true).join("")).toBe(sp.decode(spIds, { skipSpecialTokens: true }));
  });
});

describe("decodeStream", () => {
  it("turns an async iterable of ids into text pieces", async () => {
    const tok = tokenizers.gpt2 as Tokenizer;
    const ids = tok.encode("streamed 日本 text");
    async function* source() {
      for (const id of ids) yield id;
    }
    const pieces: string[] = [];
    for await (const piece of decodeStream(tok, source())) pieces.push(piece);
    expect(pieces.join("")).toBe("streamed 日本 text");
    expect(pieces.every((p) => p.length > 0)).toBe(true);
  });
});
