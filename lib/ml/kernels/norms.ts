import * as tf from "@tensorflow/tfjs";
import { addRow, mulRow } from "./broadcast";
import { customOp } from "./custom-op";

/**
 * (x - mean) / sqrt(var + eps) over the last axis, with a hand-written gradient of 7 ops (autodiff
 * of the forward pass records twice as many): dx = r·(g - mean(g) - x̂·mean(g·x̂)).
 */
function standardize(x: tf.Tensor, epsilon: number): tf.Tensor {
  const axis = x.rank - 1;
  return customOp([x], ([xIn], save) => {
    const mean = tf.mean(xIn, axis, true);
    const variance = tf.mean(tf.squaredDifference(xIn, mean), axis, true);
    const rstd = tf.rsqrt(tf.add(variance, epsilon));
    const normalized = tf.mul(tf.sub(xIn, mean), rstd);
    save([normalized, rstd]);
    return {
      value: normalized,
      gradFunc: (dy, saved) => {
        const [xHat, r] = saved as [tf.Tensor, tf.Tensor];
        const g = dy as tf.Tensor;
        const centered = tf.sub(g, tf.mean(g, axis, true));
        return tf.mul(tf.sub(centered, tf.mul(xHat, tf.mean(tf.mul(g, xHat), axis, true))), r);
      },
    };
  });
}

/** x / sqrt(mean(x²) + eps) over the last axis; gradient dx = r·(g - x̂·mean(g·x̂)). */
function rmsScale(x: tf.Tensor, epsilon: number): tf.Tensor {
  const axis = x.rank - 1;
  return customOp([x], ([xIn], save) => {
    const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(xIn), axis, true), epsilon));
    const normalized = tf.mul(xIn, rstd);
    save([normalized, rstd]);
    return {
      value: normalized,
      gradFunc: (dy, saved) => {
        const [xHat, r] = saved as [tf.Tensor, tf.Tensor];
        const g = dy as tf.Tensor;
        return tf.mul(tf.sub(g, tf.mul(xHat, tf.mean(tf.mul(g, xHat), axis, true))), r);
      },
    };
  });
}

/** LayerNorm over the last axis (GPT-2): standardize, then scale by weight and shift by bias. */
export function layerNorm(x: tf.Tensor, weight: tf.Tensor1D, bias: tf.Tensor1D, epsilon: number): tf.Tensor {
  return addRow(mulRow(standardize(x, epsilon), weight), bias);
}

/** RMSNorm over the last axis (Llama): x / rms(x) · weight. */
export function rmsNorm(x: tf.Tensor, weight: tf.Tensor1D, epsilon: number): tf.Tensor {
  return mulRow(rmsScale(x, epsilon), weight);
}
