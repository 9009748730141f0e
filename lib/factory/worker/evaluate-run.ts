import { encodePrompt } from "@/lib/ml/data/template";
import { generateText } from "@/lib/ml/generate/generate";
import type { HfCheckpoint } from "@/lib/ml/io/hf-checkpoint";
import { createLoraAdapter, disposeAdapter, type LoraAdapter } from "@/lib/ml/lora/adapter";
import type { LoraConfig } from "@/lib/ml/lora/config";
import type { TrainBatch } from "@/lib/ml/train/batch";
import type { ClassificationBatch } from "@/lib/ml/train/classification-batch";
import { evaluateClassifier } from "@/lib/ml/train/classification-loss";
import { type Evaluation, evaluate } from "@/lib/ml/train/loss";
import type { RunEvaluation, SampleCompletion } from "../evaluation";
import type { RunRows } from "./protocol";

/** Held-out prompts answered by both models for the run page. */
const SAMPLES = 3;
const SAMPLE_TOKENS = 48;
/** Characters of a held-out text given as the prompt of a language-model sample (the rest is the reference). */
const LM_PROMPT_CHARS = 80;

const score = (e: Evaluation) => ({ loss: e.loss, perplexity: e.perplexity });

/**
 * Evaluates a finished run on its held-out rows: the base model (no adapter, or for classification an untrained
 * head) against the fine-tuned adapter — loss and perplexity, and accuracy, macro-F1 and the confusion matrix
 * for classification — plus a few held-out prompts completed by both, greedily, next to the reference.
 */
export async function evaluateRun(input: {
  base: Required<HfCheckpoint>;
  adapter: LoraAdapter;
  lora: LoraConfig;
  seed: number;
  rows: RunRows;
  contextLength: number;
  lmBatches?: readonly TrainBatch[];
  classificationBatches?: readonly ClassificationBatch[];
  padId: number;
}): Promise<RunEvaluation | null> {
  const { base, adapter, rows } = input;
  const model = { params: base.params, config: base.config };
  if (rows.task === "classification") {
    const batches = input.classificationBatches ?? [];
    if (batches.length === 0) return null;
    const numLabels = rows.labels.length;
    const untrained = createLoraAdapter(base.config, input.lora, { seed: input.seed, numLabels });
    try {
      const options = { numLabels, padTokenId: input.padId };
      const before = await evaluateClassifier({ ...model, adapter: untrained }, batches, options);
      const after = await evaluateClassifier({ ...model, adapter }, batches, options);
      const counts = new Array<number>(numLabels).fill(0);
      for (const row of rows.train) counts[row.label] = (counts[row.label] ?? 0) + 1;
      const majority = counts.indexOf(Math.max(...counts));
      const held = batches.flatMap((b) => Array.from(b.labels));
      return {
        task: "classification",
        heldOutExamples: held.length,
        labels: rows.labels,
        base: { ...score(before), accuracy: before.accuracy, macroF1: before.macroF1 },
        tuned: { ...score(after), accuracy: after.accuracy, macroF1: after.macroF1 },
        majorityAccuracy: held.length === 0 ? 0 : held.filter((label) => label === majority).length / held.length,
        majorityLabel: rows.labels[majority] ?? String(majority),
        confusion: after.metrics.confusion.map((row) => [...row]),
        perClass: after.metrics.perClass.map((c, i) => ({
          label: rows.labels[i] ?? String(i),
          precision: c.precision,
          recall: c.recall,
          f1: c.f1,
          support: c.support,
        })),
      };
    } finally {
      disposeAdapter(untrained);
    }
  }
  const batches = input.lmBatches ?? [];
  if (batches.length === 0) return null;
  const before = await evaluate(model, batches);
  const after = await evaluate({ ...model, adapter }, batches);
  const { tokenizer } = base;
  const samples: SampleCompletion[] = [];
  const complete = async (ids: number[], withAdapter: boolean) =>
    (
      await generateText(withAdapter ? { ...model, adapter } : model, ids, {
        maxNewTokens: SAMPLE_TOKENS,
        temperature: 0,
        tokenizer,
      })
    ).text;
  if (rows.task === "instruction") {
    for (const pair of rows.validation.slice(0, SAMPLES)) {
      const ids = encodePrompt(tokenizer, pair.prompt, {
        contextLength: input.contextLength,
        maxNewTokens: SAMPLE_TOKENS,
      });
      samples.push({
        prompt: pair.prompt,
        reference: pair.completion,
        base: await complete(ids, false),
        tuned: await complete(ids, true),
      });
    }
  } else {
    for (const text of rows.validation.slice(0, SAMPLES)) {
      // The start of the text as the prompt (half of a short one), what follows as the reference.
      const cut = Math.min(LM_PROMPT_CHARS, Math.ceil(text.length / 2));
      const prompt = text.slice(0, cut);
      const ids = [
        ...(tokenizer.addBos && tokenizer.bosId !== undefined ? [tokenizer.bosId] : []),
        ...tokenizer.encode(prompt),
      ];
      samples.push({
        prompt,
        reference: text.slice(cut, cut + 160),
        base: await complete(ids, false),
        tuned: await complete(ids, true),
      });
    }
  }
  return {
    task: rows.task,
    heldOutExamples: batches.reduce((n, b) => n + b.batch, 0),
    base: score(before),
    tuned: score(after),
    samples,
  };
}
