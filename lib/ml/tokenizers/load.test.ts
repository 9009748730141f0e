import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTokenizer } from "./load";
import { tinyByteLevelBpe, writeTokenizerFolder } from "./testing";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ml-load-tok-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("loadTokenizer", () => {
  it("loads by name", async () => {
    expect((await loadTokenizer("byte")).vocabSize).toBe(259);
    expect((await loadTokenizer("gpt2")).vocabSize).toBe(50257);
    expect((await loadTokenizer("r50k_base")).name).toBe("gpt2");
  });

  it("loads a Hugging Face folder, or the path of its tokenizer.json", async () => {
    const dir = await writeTokenizerFolder(path.join(root, "tiny"), tinyByteLevelBpe());
    const fromDir = await loadTokenizer(dir);
    const fromFile = await loadTokenizer(path.join(dir, "tokenizer.json"));
    expect(fromDir.encode("hello world")).toEqual(fromFile.encode("hello world"));
    expect(fromDir.name).toBe("tiny");
  });

  it("rebuilds a tokenizer from its spec", async () => {
    const dir = await writeTokenizerFolder(path.join(root, "again"), tinyByteLevelBpe());
    for (const original of [await loadTokenizer("byte"), await loadTokenizer("gpt2"), await loadTokenizer(dir)]) {
      const again = await loadTokenizer(original.spec);
      expect(again.vocabSize).toBe(original.vocabSize);
      expect(again.encode("héllo world")).toEqual(original.encode("héllo world"));
    }
    expect((await loadTokenizer({ type: "byte", specialTokens: false })).vocabSize).toBe(256);
  });

  it("says what it accepts when the spec is unknown", async () => {
    await expect(loadTokenizer("no-such-tokenizer")).rejects.toThrow(/"byte", "gpt2" or a folder/);
  });
});
