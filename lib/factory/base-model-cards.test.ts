import { describe, expect, it } from "vitest";
import { listCatalog } from "@/lib/ml/catalog/catalog";
import { baseModelCards } from "./base-model-cards";

describe("baseModelCards", () => {
  it("shows every catalog model with its size, context length, architecture, licence and LoRA modules", () => {
    const cards = baseModelCards();
    expect(cards.map((c) => c.id)).toEqual(listCatalog().map((m) => m.id));
    const prose = cards.find((c) => c.id === "mf-prose-byte");
    expect(prose).toMatchObject({ family: "gpt2", contextLength: 256, license: { spdx: "Apache-2.0" } });
    expect(prose?.architecture).toMatch(/GPT-2/);
    expect(prose?.loraModules).toEqual(expect.arrayContaining(["q", "k", "v", "o", "fc", "proj"]));
    expect(cards.find((c) => c.family === "llama")?.loraModules).toEqual(
      expect.arrayContaining(["gate", "up", "down"]),
    );
  });
});
