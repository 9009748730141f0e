import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHuggingFaceTokenizer, loadHuggingFaceTokenizer } from "./huggingface";
import { tinyByteLevelBpe, tinySentencePieceBpe, writeTokenizerFolder } from "./testing";
import type { Tokenizer } from "./types";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ml-hf-tok-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const TEXTS = ["hello world", "hello", "héllo wörld 日本語 🎉", "  two  spaces ", "a\nb\tc"];

describe("Hugging Face tokenizer: byte-level BPE (GPT-2 style)", () => {
  let tok: Tokenizer;
  beforeAll(async () => {
    tok = await loadHuggingFaceTokenizer(await writeTokenizerFolder(path.join(root, "bytelevel"), tinyByteLevelBpe()));
  });

  it("applies the merges", () => {
    // 256 byte ids, then one id per merge result: hello = 259, Ġworld = 264, é = 265.
    expect(tok.encode("hello world")).toEqual([259, 264]);
    expect(tok.encode("é")).toEqual([265]);
    expect(tok.encode("日")).toHaveLength(3);
  });

  it("round-trips text", () => {
    for (const text of TEXTS) expect(tok.decode(tok.encode(text))).toBe(text);
  });

  it("reads specials and ids from the config", () => {
    expect(tok.vocabSize).toBe(267);
    expect(tok.eosId).toBe(266);
    expect(tok.bosId).toBe(266);
    expect(tok.padId).toBeUndefined();
    expect(tok.addBos).toBe(false);
    expect(tok.specialTokens).toEqual({ "<|endoftext|>": 266 });
    expect(tok.spec).toEqual({ type: "huggingface", path: path.join(root, "bytelevel") });
    expect(tok.decode([...tok.encode("hi"), 266])).toBe("hi<|endoftext|>");
    expect(tok.decode([...tok.encode("hi"), 266], { skipSpecialTokens: true })).toBe("hi");
    expect(tok.decode([])).toBe("");
    expect(() => tok.decode([267])).toThrow(RangeError);
  });
});

describe("Hugging Face tokenizer: SentencePiece-style BPE with byte fallback (Llama style)", () => {
  let tok: Tokenizer;
  beforeAll(async () => {
    tok = await loadHuggingFaceTokenizer(await writeTokenizerFolder(path.join(root, "sp"), tinySentencePieceBpe()));
  });

  it("uses ▁ merges and falls back to bytes for unknown characters", () => {
    const ids = tok.encode("hello world");
    expect(ids).toHaveLength(2);
    // The Strip decoder drops the first space of every decode: single tokens lose theirs.
    expect(ids.map((id) => tok.decode([id]))).toEqual(["hello", "world"]);
    expect(tok.decode(ids)).toBe("hello world");
    // 日 is not in the vocabulary: three byte-fallback tokens <0xE6><0x97><0xA5> (ids 3 + byte).
    expect(tok.encode("日").slice(-3)).toEqual([3 + 0xe6, 3 + 0x97, 3 + 0xa5]);
  });

  it("round-trips text", () => {
    for (const text of TEXTS) expect(tok.decode(tok.encode(text))).toBe(text);
  });

  it("finds BOS/EOS/UNK (AddedToken objects in the config too) and that BOS is prepended", () => {
    expect([tok.unkId, tok.bosId, tok.eosId]).toEqual([0, 1, 2]);
    expect(tok.addBos).toBe(true);
    expect(tok.encode("hello")).not.toContain(1);
    expect(tok.specialTokens).toEqual({ "<unk>": 0, "<s>": 1, "</s>": 2 });
  });
});

describe("loading errors", () => {
  it("names the folder when tokenizer.json is missing or broken", async () => {
    const empty = path.join(root, "empty");
    await writeTokenizerFolder(empty, { tokenizer: {} });
    await rm(path.join(empty, "tokenizer.json"));
    await expect(loadHuggingFaceTokenizer(empty)).rejects.toThrow(/tokenizer\.json/);
    await writeFile(path.join(empty, "tokenizer.json"), "{not json");
    await expect(loadHuggingFaceTokenizer(empty)).rejects.toThrow(/not valid JSON/);
    expect(() => createHuggingFaceTokenizer({ tokenizer: {} })).toThrow(/"model"/);
  });
});
