import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { classify } from "@/lib/ml/model/classify";
import { dimensions } from "@/lib/ml/model/config";
import { ServingError } from "./errors";
import type { ModelCache } from "./model-cache";

/** `POST /v1/classify`: a text, the base model and the classification adapter (PEFT SEQ_CLS) to label it with. */
export const classifyRequestSchema = z
  .object({
    model: z.string().min(1, "model: name a base model of the catalog"),
    adapter: z.string().min(1, "adapter: the folder of a classification adapter"),
    input: z.string().min(1, "input: a text to classify").max(100_000, "input: at most 100,000 characters"),
  })
  .strict();

export type ClassifyRequest = z.infer<typeof classifyRequestSchema>;

/** Each label with its probability, most likely first. */
export interface Classification {
  labels: { label: string; probability: number }[];
}

/**
 * Labels a text with a classification adapter: the text is tokenized as the trainer tokenized its examples
 * (no BOS, cut at the run's context length), the head reads the last token, and a softmax gives the
 * probabilities, named by the labels the trainer saved beside the adapter.
 */
export async function classifyText(cache: ModelCache, request: ClassifyRequest): Promise<Classification> {
  const base = await cache.base(request.model);
  const adapter = await cache.adapter(request.adapter, base);
  const info = await cache.adapterInfo(request.adapter);
  if (info.task !== "classification" || !info.labels) {
    throw new ServingError(
      "not_a_classifier",
      "This adapter was not trained to classify: complete text with it instead.",
      400,
    );
  }
  const length = info.contextLength ?? dimensions(base.config).maxPositions;
  const ids = base.tokenizer.encode(request.input).slice(0, length);
  if (ids.length === 0)
    throw new ServingError("invalid_request", "input: nothing left to classify once tokenized", 400);
  const probabilities = tf.tidy(() => {
    const logits = classify(base.params, base.config, tf.tensor2d([ids], [1, ids.length], "int32"), { adapter });
    return tf.softmax(logits);
  });
  const values = Array.from(await probabilities.data());
  probabilities.dispose();
  const labels = info.labels.map((label, i) => ({ label, probability: values[i] ?? 0 }));
  return { labels: labels.sort((a, b) => b.probability - a.probability) };
}
