import * as tf from "@tensorflow/tfjs";
import { crossEntropy } from "../kernels/cross-entropy";
import type { LoraAdapter } from "../lora/adapter";
import type { ModelConfig } from "../model/config";
import { forward } from "../model/forward";
import type { ReadonlyParams } from "../model/params";
import { batchWeight, type TrainBatch } from "./batch";

/** What a loss is computed with: the model's weights, its config and an optional adapter. */
export interface LossModel {
  params: ReadonlyParams;
  config: ModelConfig;
  adapter?: LoraAdapter;
}

/**
 * Weighted mean next-token cross-entropy of a batch (a scalar tensor, the caller's). `seed` drives LoRA
 * dropout when `training`.
 */
export function batchLoss(model: LossModel, batch: TrainBatch, options: { training?: boolean; seed?: number } = {}) {
  return tf.tidy(() => {
    const { params, config, adapter } = model;
    const positions = batch.batch * batch.length;
    const tokens = tf.tensor2d(batch.tokens, [batch.batch, batch.length], "int32");
    const logits = forward(params, config, tokens, { adapter, training: options.training, seed: options.seed });
    const flat = logits.reshape([positions, logits.shape[2]]) as tf.Tensor2D;
    const targets = tf.tensor1d(batch.targets, "int32");
    const weights = batch.weights ? tf.tensor1d(batch.weights, "float32") : undefined;
    return crossEntropy(flat, targets, weights);
  });
}

/** Validation result: weighted mean loss over the batches and its perplexity exp(loss). */
export interface Evaluation {
  loss: number;
  perplexity: number;
  /** Total loss weight (positions) evaluated. */
  weight: number;
}

/** Mean loss (weighted by each batch's loss weight) and perplexity of held-out batches, without dropout. */
export async function evaluate(model: LossModel, batches: readonly TrainBatch[]): Promise<Evaluation> {
  let total = 0;
  let weight = 0;
  for (const batch of batches) {
    const w = batchWeight(batch);
    if (w <= 0) continue;
    const loss = batchLoss(model, batch);
    total += ((await loss.data())[0] as number) * w;
    loss.dispose();
    weight += w;
  }
  const loss = weight > 0 ? total / weight : Number.NaN;
  return { loss, perplexity: Math.exp(loss), weight };
}
