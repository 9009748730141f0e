import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { type CorpusName, loadCorpus, tokenizeDocuments } from "../data";
import { openSafetensors } from "../io/safetensors";
import { dimensions } from "../model/config";
import { countParameters, disposeParams, initParams } from "../model/params";
import { createByteTokenizer } from "../tokenizers/byte";
import type { TrainBatch } from "../train/batch";
import { evaluate } from "../train/loss";
import { CatalogError, catalogModel, listCatalog } from "./catalog";
import { loadCatalogModel } from "./load";
import { catalogModelFolder, catalogRoot } from "./paths";

/** Held-out windows per model: enough for a stable mean, few enough for a fast test. */
const WINDOWS = 8;
/** The shipped weights are stored in float16 to stay a few MB. */
const MAX_WEIGHT_BYTES = 8 * 2 ** 20;

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
});

/** `count` consecutive windows from the start of the corpora's validation documents, and the corpora's licences. */
async function validationBatch(
  corpora: readonly string[],
  length: number,
  count: number,
): Promise<{ batch: TrainBatch; licenses: string[] }> {
  const texts: string[] = [];
  const licenses: string[] = [];
  for (const name of corpora) {
    const corpus = await loadCorpus(name as CorpusName);
    licenses.push(corpus.license.spdx);
    for (const doc of corpus.validation) texts.push(doc.text);
  }
  const stream = tokenizeDocuments(createByteTokenizer(), texts);
  const tokens = new Int32Array(count * length);
  const targets = new Int32Array(count * length);
  for (let row = 0; row < count; row++) {
    const start = row * (length + 1);
    tokens.set(stream.subarray(start, start + length), row * length);
    targets.set(stream.subarray(start + 1, start + length + 1), row * length);
  }
  return { batch: { batch: count, length, tokens, targets }, licenses };
}

describe("catalog", () => {
  it("lists models with unique ids and resolves folders from the module, not the cwd", () => {
    const ids = listCatalog().map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const folder = catalogModelFolder(id);
      expect(path.isAbsolute(folder)).toBe(true);
      expect(path.relative(catalogRoot(), folder)).toBe(catalogModel(id).folder);
    }
    expect(() => catalogModel("no-such-model")).toThrow(CatalogError);
  });

  for (const entry of listCatalog()) {
    describe(entry.id, () => {
      it("ships config, float16 weights of a few MB, training record and model card", async () => {
        const folder = catalogModelFolder(entry.id);
        for (const file of ["config.json", "model.safetensors", "training.json", "README.md"]) {
          expect(existsSync(path.join(folder, file)), file).toBe(true);
        }
        const weights = path.join(folder, "model.safetensors");
        expect(statSync(weights).size).toBeLessThanOrEqual(MAX_WEIGHT_BYTES);
        const file = await openSafetensors(weights);
        try {
          expect(new Set(file.names.map((name) => file.info(name).dtype))).toEqual(new Set(["F16"]));
        } finally {
          await file.close();
        }
      });

      it("loads with the config, size and tokenizer the catalog declares, and predicts held-out text", async () => {
        const model = await loadCatalogModel(entry.id);
        const random = initParams(model.config, { seed: 0 });
        try {
          const dims = dimensions(model.config);
          expect(model.config.model_type).toBe(entry.family);
          expect(dims.maxPositions).toBe(entry.contextLength);
          expect({ layers: dims.layers, hidden: dims.hiddenSize, heads: dims.heads }).toEqual(entry.shape);
          expect(dims.vocabSize).toBe(entry.vocabSize);
          expect(model.tokenizer.vocabSize).toBe(entry.vocabSize);
          expect(countParameters(model.params)).toBe(entry.parameters);

          const { batch, licenses } = await validationBatch(entry.corpora, entry.contextLength, WINDOWS);
          expect(entry.dataLicenses.map((l) => l.spdx).sort()).toEqual([...new Set(licenses)].sort());
          const trained = await evaluate({ params: model.params, config: model.config }, [batch]);
          const untrained = await evaluate({ params: random, config: model.config }, [batch]);
          // An untrained model is near ln(vocabulary) ≈ 5.56 nats per byte; the shipped one far below.
          expect(untrained.loss).toBeGreaterThan(5);
          expect(trained.loss).toBeLessThan(untrained.loss - 2.5);
        } finally {
          disposeParams(model.params);
          disposeParams(random);
        }
      }, 20_000);
    });
  }
});
