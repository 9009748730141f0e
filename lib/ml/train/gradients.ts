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
  const weights = microBatches.map(batchWeight);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const names = new Map([...trainable].map(([name, v]) => [v.name, name]));
  const variables = [...trainable.values()];
  const grads: Gradients = new Map();
  let loss = 0;
  let tokens = 0;
  microBatches.forEach((batch, k) => {
    tokens += batch.batch * batch.length;
    const share = totalWeight > 0 ? (weights[k] as number) / totalWeight : 0;
    if (share === 0) return;
    const { value, grads: partial } = tf.variableGrads(
      () => tf.tidy(() => tf.mul(batchLoss(model, batch, { training: true, seed: mixSeeds(seed, k) }), share)),
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
