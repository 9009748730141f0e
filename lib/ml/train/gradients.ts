import * as tf from "@tensorflow/tfjs";
import { mixSeeds } from "../kernels/random";
import { batchWeight, type TrainBatch } from "./batch";
import type { Gradients } from "./clip";
import { batchLoss, type LossModel } from "./loss";

/** Loss and summed gradients of one optimizer step. */
export interface StepGradients {
  /** Weighted mean loss over all micro-batches. */
  loss: number;
  /** Gradients by trainable parameter name (the caller disposes them). */
  grads: Gradients;
  /** Token positions processed. */
  tokens: number;
}

/** How a kind of batch is turned into a loss: its loss, its loss weight and its token positions. */
export interface LossSpec<B> {
  /** Mean loss of a batch (a scalar tensor, the caller's). */
  loss(model: LossModel, batch: B, options: { training?: boolean; seed?: number }): tf.Scalar;
  /** Total loss weight of a batch (how much its mean counts against other batches'). */
  weight(batch: B): number;
  /** Token positions of a batch (for throughput). */
  positions(batch: B): number;
}

/** The language-model loss of {@link TrainBatch}es. */
export const LM_LOSS: LossSpec<TrainBatch> = {
  loss: batchLoss,
  weight: batchWeight,
  positions: (batch) => batch.batch * batch.length,
};

/**
 * Loss and gradients over micro-batches accumulated as if they were one batch: micro-batch k's mean loss
 * is weighted by its share of the total loss weight, so 2 micro-batches give the gradient of the
 * concatenated batch. Dropout seeds are mixSeeds(seed, k).
 */
export function accumulateGradients(
  model: LossModel,
  trainable: ReadonlyMap<string, tf.Variable>,
  microBatches: readonly TrainBatch[],
  seed: number,
): StepGradients {
  return accumulateLossGradients(LM_LOSS, model, trainable, microBatches, seed);
}

/** {@link accumulateGradients} for any kind of batch, given how its loss is computed. */
export function accumulateLossGradients<B>(
  spec: LossSpec<B>,
  model: LossModel,
  trainable: ReadonlyMap<string, tf.Variable>,
  microBatches: readonly B[],
  seed: number,
): StepGradients {
  const weights = microBatches.map((batch) => spec.weight(batch));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const names = new Map([...trainable].map(([name, v]) => [v.name, name]));
  const variables = [...trainable.values()];
  const grads: Gradients = new Map();
  let loss = 0;
  let tokens = 0;
  microBatches.forEach((batch, k) => {
    tokens += spec.positions(batch);
    const share = totalWeight > 0 ? (weights[k] as number) / totalWeight : 0;
    if (share === 0) return;
    const { value, grads: partial } = tf.variableGrads(
      () => tf.tidy(() => tf.mul(spec.loss(model, batch, { training: true, seed: mixSeeds(seed, k) }), share)),
      variables,
    );
    loss += value.dataSync()[0] as number;
    value.dispose();
    for (const [variableName, g] of Object.entries(partial)) {
      const name = names.get(variableName);
      if (name === undefined) {
        g.dispose();
        continue;
      }
      const previous = grads.get(name);
      if (previous) {
        grads.set(name, tf.add(previous, g));
        previous.dispose();
        g.dispose();
      } else grads.set(name, g);
    }
  });
  return { loss, grads, tokens };
}
