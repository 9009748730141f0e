import * as tf from "@tensorflow/tfjs";

/** Gradients by parameter name. */
export type Gradients = Map<string, tf.Tensor>;

/** The global L2 norm of a set of gradients, sqrt(Σ‖g‖²), as a number. */
export function globalNorm(grads: ReadonlyMap<string, tf.Tensor>): number {
  if (grads.size === 0) return 0;
  const total = tf.tidy(() => tf.addN([...grads.values()].map((g) => tf.sum(tf.square(g)))));
  const value = total.dataSync()[0] as number;
  total.dispose();
  return Math.sqrt(value);
}

/**
 * Scales every gradient by maxNorm/norm when their global norm exceeds maxNorm (in place: the old tensors
 * are disposed and replaced in the map). Returns the norm before clipping.
 */
export function clipByGlobalNorm(grads: Gradients, maxNorm: number): number {
  const norm = globalNorm(grads);
  if (Number.isFinite(maxNorm) && norm > maxNorm) {
    const scale = maxNorm / norm;
    for (const [name, g] of grads) {
      grads.set(
        name,
        tf.tidy(() => tf.mul(g, scale)),
      );
      g.dispose();
    }
  }
  return norm;
}
