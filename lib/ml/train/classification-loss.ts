import * as tf from "@tensorflow/tfjs";
import { crossEntropy } from "../kernels/cross-entropy";
import { classify } from "../model/classify";
import type { ClassificationBatch } from "./classification-batch";
import type { LossSpec } from "./gradients";
import type { Evaluation, LossModel } from "./loss";
import { type ClassificationMetrics, classificationMetrics } from "./metrics";

/** Mean softmax cross-entropy of classify's logits against a batch's labels (a scalar tensor, the caller's). */
export function classificationLoss(
  model: LossModel,
  batch: ClassificationBatch,
  options: { training?: boolean; seed?: number; padTokenId?: number } = {},
): tf.Scalar {
  return tf.tidy(() => {
    const { params, config, adapter } = model;
    const tokens = tf.tensor2d(batch.tokens, [batch.batch, batch.length], "int32");
    const logits = classify(params, config, tokens, {
      adapter,
      training: options.training,
      seed: options.seed,
      padTokenId: options.padTokenId,
    });
    return crossEntropy(logits, tf.tensor1d(batch.labels, "int32"));
  });
}

/** The classification loss as a {@link LossSpec}: each row weighs 1. */
export function classificationLossSpec(padTokenId?: number): LossSpec<ClassificationBatch> {
  return {
    loss: (model, batch, options) => classificationLoss(model, batch, { ...options, padTokenId }),
    weight: (batch) => batch.batch,
    positions: (batch) => batch.batch * batch.length,
  };
}

/** Validation of a classifier: mean loss (perplexity = exp(loss), weight = rows) plus accuracy and macro-F1. */
export interface ClassificationEvaluation extends Evaluation {
  accuracy: number;
  macroF1: number;
  /** Per-class precision/recall/F1 and the confusion matrix. */
  metrics: ClassificationMetrics;
}

/** Evaluates held-out classification batches without dropout: loss, accuracy, macro-F1 and per-class metrics. */
export async function evaluateClassifier(
  model: LossModel,
  batches: readonly ClassificationBatch[],
  options: { numLabels: number; padTokenId?: number },
): Promise<ClassificationEvaluation> {
  let total = 0;
  const predicted: number[] = [];
  const actual: number[] = [];
  for (const batch of batches) {
    if (batch.batch === 0) continue;
    const [loss, argmax] = tf.tidy(() => {
      const tokens = tf.tensor2d(batch.tokens, [batch.batch, batch.length], "int32");
      const { params, config, adapter } = model;
      const logits = classify(params, config, tokens, { adapter, padTokenId: options.padTokenId });
      return [crossEntropy(logits, tf.tensor1d(batch.labels, "int32")), tf.argMax(logits, 1)] as const;
    });
    total += ((await loss.data())[0] as number) * batch.batch;
    predicted.push(...(await argmax.data()));
    actual.push(...batch.labels);
    loss.dispose();
    argmax.dispose();
  }
  const weight = actual.length;
  const loss = weight > 0 ? total / weight : Number.NaN;
  const metrics = classificationMetrics(predicted, actual, options.numLabels);
  return { loss, perplexity: Math.exp(loss), weight, accuracy: metrics.accuracy, macroF1: metrics.macroF1, metrics };
}
