import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "@/lib/ml/backend/init";
import { listCatalog } from "@/lib/ml/catalog/catalog";
import { TINY_GPT2, TINY_LLAMA, writeTinyCheckpoint } from "@/lib/ml/catalog/local-testing";
import { baseModelCards, baseModelChoices } from "./base-model-cards";

const work = mkdtempSync(path.join(tmpdir(), "mf-cards-"));
const empty = path.join(work, "empty-checkpoints");
const root = path.join(work, "checkpoints");

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  await writeTinyCheckpoint(path.join(root, "tiny-llama"), TINY_LLAMA);
  await writeTinyCheckpoint(path.join(root, "tiny-prose"), TINY_GPT2, {
    title: "Tiny prose",
    license: { spdx: "MIT", name: "MIT License", url: "https://opensource.org/license/mit" },
  });
  mkdirSync(path.join(root, "broken"), { recursive: true });
  writeFileSync(path.join(root, "broken", "config.json"), JSON.stringify({ model_type: "bert" }));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("baseModelCards", () => {
  it("shows every catalog model with its size, context length, architecture, licence and LoRA modules", () => {
    const cards = baseModelCards(empty);
    expect(cards.map((c) => c.id)).toEqual(listCatalog().map((m) => m.id));
    const prose = cards.find((c) => c.id === "mf-prose-byte");
    expect(prose).toMatchObject({
      source: "catalog",
      folder: null,
      family: "gpt2",
      contextLength: 256,
      license: { spdx: "Apache-2.0" },
    });
    expect(prose?.architecture).toMatch(/GPT-2/);
    expect(prose?.loraModules).toEqual(expect.arrayContaining(["q", "k", "v", "o", "fc", "proj"]));
    expect(cards.find((c) => c.family === "llama")?.loraModules).toEqual(
      expect.arrayContaining(["gate", "up", "down"]),
    );
  });

  it("shows imported checkpoints after the shipped ones, with their folder, and the broken folders apart", () => {
    const choices = baseModelChoices(root);
    expect(choices.models.map((c) => `${c.source}:${c.id}`)).toEqual([
      ...listCatalog().map((m) => `catalog:${m.id}`),
      "imported:local/tiny-llama",
      "imported:local/tiny-prose",
    ]);
    const prose = choices.models.find((c) => c.id === "local/tiny-prose");
    expect(prose).toMatchObject({
      title: "Tiny prose",
      folder: path.join(root, "tiny-prose"),
      family: "gpt2",
      contextLength: 24,
      vocabSize: 259,
      tokenizer: "byte",
      license: { spdx: "MIT", name: "MIT License" },
    });
    expect(prose?.parameters).toBeGreaterThan(0);
    expect(prose?.architecture).toMatch(/GPT-2/);
    expect(choices.models.find((c) => c.id === "local/tiny-llama")).toMatchObject({
      license: { spdx: "unknown", name: "unknown — see the folder's README" },
      loraModules: expect.arrayContaining(["gate", "up", "down"]),
    });
    expect(choices.broken).toEqual([
      {
        id: "local/broken",
        name: "broken",
        folder: path.join(root, "broken"),
        problem: expect.stringMatching(/unsupported model_type "bert"/),
      },
    ]);
    expect(choices.checkpointsFolder).toBe(root);
  });

  it("shows folders inside the working directory relative to it", () => {
    expect(baseModelChoices(path.resolve("no-such-checkpoints-dir")).checkpointsFolder).toBe("no-such-checkpoints-dir");
  });
});
