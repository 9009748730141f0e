import type { ClassificationBatch } from "./classification-batch";
import { type ClassificationEvaluation, classificationLossSpec, evaluateClassifier } from "./classification-loss";
import { accumulateLossGradients } from "./gradients";
import { runTraining, type TrainOptions, type TrainSummary } from "./loop";

/** Options of {@link trainClassifier}: those of train() over classification batches, plus the label count. */
export interface ClassifierTrainOptions extends TrainOptions<ClassificationBatch, ClassificationEvaluation> {
  /** Number of classes (the head's width; metrics cover 0..numLabels-1). */
  numLabels: number;
  /** Padding id of the batches' rows; defaults to the config's pad_token_id. */
  padTokenId?: number;
}

/**
 * Trains a sequence classifier (usually a LoRA adapter created with numLabels, whose head trains with it)
 * on softmax cross-entropy of classify's logits. Same loop as train(): AdamW, schedule, clipping,
 * accumulation, checkpoints, resume, cancellation and early stopping on validation loss; onEval also
 * reports accuracy, macro-F1 and per-class metrics.
 */
export function trainClassifier(options: ClassifierTrainOptions): Promise<TrainSummary<ClassificationEvaluation>> {
  const padTokenId = options.padTokenId ?? options.config.pad_token_id;
  const spec = classificationLossSpec(padTokenId);
  return runTraining(options, {
    gradients: (model, trainable, micro, seed) => accumulateLossGradients(spec, model, trainable, micro, seed),
    evaluate: (model, batches) => evaluateClassifier(model, batches, { numLabels: options.numLabels, padTokenId }),
  });
}
