import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { loadCatalogModel } from "../catalog/load";
import { loadSpamAssassin, type SpamDocument } from "../data/corpora";
import { packDocuments } from "../data/packing";
import type { HfCheckpoint } from "../io/hf-checkpoint";
import { uniformGenerator } from "../kernels/random";
import { createLoraAdapter, disposeAdapter } from "../lora/adapter";
import { disposeParams } from "../model/params";
import { classificationBatches, classificationSource, type LabelledExample } from "./classification-batch";
import { evaluateClassifier } from "./classification-loss";
import { trainClassifier } from "./classifier";
import { examplesFromWindows, lmBatches, lmSource } from "./lm-examples";
import { train } from "./loop";
import { evaluate } from "./loss";

const BASE = "mf-prose-byte";
const LORA = { rank: 8, alpha: 16, dropout: 0, targetModules: ["q", "k", "v", "o"] } as const;
const lora = () => ({ ...LORA, targetModules: [...LORA.targetModules] });

/** `perClass` documents of each label, picked at random (seeded) from `docs`: a balanced set. */
function balanced(docs: readonly SpamDocument[], perClass: number, seed: number): SpamDocument[] {
  const random = uniformGenerator(seed);
  const pick = (label: string) =>
    docs
      .filter((d) => d.label === label)
      .map((d) => ({ d, key: random() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, perClass)
      .map(({ d }) => d);
  return [...pick("ham"), ...pick("spam")];
}

let base: Required<HfCheckpoint>;
let corpus: Awaited<ReturnType<typeof loadSpamAssassin>>;
beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  base = await loadCatalogModel(BASE);
  corpus = await loadSpamAssassin();
  expect(corpus.available).toBe(true);
});
afterAll(() => {
  disposeParams(base.params);
});

describe(`the shipped base model ${BASE}`, () => {
  it("fine-tuned with LoRA on a small text set, predicts held-out text of that set better than the base", async () => {
    // Mailing-list e-mails: text the base never saw (it was pretrained on prose and speeches).
    const ham = (split: typeof corpus.train) => split.filter((d) => d.label === "ham").map((d) => d.text);
    const length = 128;
    const pack = (texts: string[]) =>
      examplesFromWindows(packDocuments(base.tokenizer, texts, { windowLength: length + 1 }));
    const trainRows = pack(ham(corpus.train).slice(0, 150));
    const heldRows = pack(ham(corpus.validation).slice(0, 40)).slice(0, 48);
    const options = { batch: 8, length, padId: base.tokenizer.padId ?? 0 };
    const held = lmBatches(heldRows, options);
    const model = { params: base.params, config: base.config };
    const before = await evaluate(model, held);
    const adapter = createLoraAdapter(base.config, lora(), { seed: 1 });
    const summary = await train({
      ...model,
      adapter,
      data: lmSource(trainRows, { ...options, shuffleSeed: 1 }),
      steps: 40,
      schedule: { peak: 3e-3, warmupSteps: 5 },
      clipNorm: 1,
      seed: 1,
      validation: { batches: held, every: 40 },
    });
    disposeAdapter(adapter);
    const after = summary.lastValidation?.loss as number;
    console.info(
      `${BASE}: held-out e-mail loss ${before.loss.toFixed(3)} (base) → ${after.toFixed(3)} (LoRA, 40 steps)`,
    );
    expect(summary.status).toBe("completed");
    // The base already knows English bytes (well below ln 259 ≈ 5.56, though e-mail headers and
    // quoting are far from its prose); LoRA adapts it to e-mail.
    expect(before.loss).toBeLessThan(4.5);
    expect(after).toBeLessThan(before.loss - 0.05);
  }, 300_000);

  it("with a LoRA classifier, tells spam from ham on a balanced held-out split at ≥ 90% accuracy", async () => {
    // The subject and the first 256 bytes of the body; LoRA on the attention and MLP projections.
    const length = 256;
    const padId = base.tokenizer.padId as number;
    const examples = (docs: SpamDocument[]): LabelledExample[] =>
      docs.map((d) => ({ tokens: base.tokenizer.encode(d.text).slice(0, length), label: d.labelIndex }));
    const trainSet = examples(balanced(corpus.train, 400, 1));
    const heldSet = examples(balanced(corpus.validation, 100, 2));
    const held = classificationBatches(heldSet, { batch: 32, length, padId });
    const adapter = createLoraAdapter(
      base.config,
      { ...lora(), targetModules: ["q", "k", "v", "o", "fc", "proj"] },
      { seed: 3, numLabels: 2 },
    );
    const summary = await trainClassifier({
      params: base.params,
      config: base.config,
      adapter,
      numLabels: 2,
      padTokenId: padId,
      data: classificationSource(trainSet, { batch: 16, length, padId, shuffleSeed: 2 }),
      steps: 150,
      schedule: { peak: 3e-3, warmupSteps: 15 },
      clipNorm: 1,
      seed: 1,
      validation: { batches: held, every: 150 },
    });
    const result = await evaluateClassifier({ params: base.params, config: base.config, adapter }, held, {
      numLabels: 2,
      padTokenId: padId,
    });
    disposeAdapter(adapter);
    expect(summary.status).toBe("completed");
    console.info(`${BASE}: spam/ham accuracy ${result.accuracy.toFixed(3)}, macro-F1 ${result.macroF1.toFixed(3)}`);
    expect(result.weight).toBe(200);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.macroF1).toBeGreaterThanOrEqual(0.9);
  }, 900_000);
});
