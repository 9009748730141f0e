import * as tf from "@tensorflow/tfjs";
import { uniformGenerator } from "./random";

/**
 * Inverted dropout with a seeded mask: each element is zeroed with probability `rate`, the rest
 * scaled by 1/(1 − rate). The mask is drawn in JS with mulberry32 (several times faster than a seeded
 * tf.randomUniform), so the same seed gives the same mask on every backend.
 */
export function dropout(x: tf.Tensor, rate: number, seed: number): tf.Tensor {
  if (!(rate >= 0 && rate < 1)) throw new Error(`dropout rate must be in [0, 1), got ${rate}`);
  if (rate === 0) return x;
  const next = uniformGenerator(seed);
  const keep = 1 / (1 - rate);
  const mask = new Float32Array(x.size);
  for (let i = 0; i < mask.length; i++) mask[i] = next() < rate ? 0 : keep;
  return tf.tidy(() => tf.mul(x, tf.tensor(mask, x.shape, "float32")));
}
