import * as tf from "@tensorflow/tfjs";

/** max |actual − expected| / max |expected|: the check.js measure for comparing kernels. */
export function relativeDifference(actual: tf.Tensor, expected: tf.Tensor): number {
  if (actual.shape.join() !== expected.shape.join()) {
    throw new Error(`shapes differ: [${actual.shape}] vs [${expected.shape}]`);
  }
  const a = actual.dataSync();
  const e = expected.dataSync();
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < e.length; i++) {
    worst = Math.max(worst, Math.abs((a[i] as number) - (e[i] as number)));
    scale = Math.max(scale, Math.abs(e[i] as number));
  }
  return worst / Math.max(scale, 1e-30);
}

/** A deterministic random tensor for tests. */
export function randomTensor(shape: number[], seed: number, scale = 1): tf.Tensor {
  return tf.randomNormal(shape, 0, scale, "float32", seed);
}
