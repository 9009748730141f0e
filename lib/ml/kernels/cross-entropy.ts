import * as tf from "@tensorflow/tfjs";
import { customOp } from "./custom-op";

/**
 * Cross-entropy of logits [N, V] against int32 targets [N], averaged over the positions, or a
 * weighted average with weights [N] (0 leaves a position out, e.g. prompt tokens or padding).
 *
 * log p(target) is read off one softmax (XNNPACK on wasm) as z_t − max z + log max p, which equals
 * z_t − logsumexp z without its scalar exp/log passes and never takes the log of an underflowed
 * probability (max p ≥ 1/V). The gradient is (p − onehot)·w/Σw.
 */
export function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, weights?: tf.Tensor1D): tf.Scalar {
  const [positions, vocab] = logits.shape;
  if (targets.shape[0] !== positions || (weights && weights.shape[0] !== positions)) {
    throw new Error(`crossEntropy: ${positions} positions of logits, ${targets.shape[0]} targets`);
  }
  if (targets.dtype !== "int32") throw new Error(`crossEntropy targets must be int32, got ${targets.dtype}`);
  return customOp<tf.Scalar, [tf.Tensor2D]>([logits], ([z], save) => {
    // Built as int32 and cast: the wasm OneHot kernel writes int32 bits into a float32 output.
    const oneHot = tf.cast(tf.oneHot(targets, vocab), "float32");
    const share = weights ? tf.div(weights, tf.maximum(tf.sum(weights), 1e-12)) : tf.fill([positions], 1 / positions);
    const probs = tf.softmax(z);
    const targetLogit = tf.sum(tf.mul(z, oneHot), -1);
    const logProb = tf.add(tf.sub(targetLogit, tf.max(z, -1)), tf.log(tf.max(probs, -1)));
    save([probs, oneHot, share]);
    return {
      value: tf.neg(tf.sum(tf.mul(logProb, share))) as tf.Scalar,
      gradFunc: (dy, saved) => {
        const [p, target, w] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
        return tf.mul(tf.sub(p, target), tf.reshape(tf.mul(w, dy), [positions, 1]));
      },
    };
  });
}
