import * as tf from "@tensorflow/tfjs";
import { customOp } from "./custom-op";

const A = 2 * Math.sqrt(2 / Math.PI);
const B = A * 0.044715;

/**
 * GELU, tanh approximation (GPT-2's "gelu_new", PyTorch's approximate="tanh"):
 * 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))), computed as x·σ(x(A + Bx²)) — the same function with
 * fewer ops and no cancellation for large negative x — with a hand-written gradient
 * σ + y·(1−σ)(A + 3Bx²), y = x·σ being the output.
 */
export function geluTanh(x: tf.Tensor): tf.Tensor {
  return customOp([x], ([xIn], save) => {
    const squared = tf.square(xIn);
    const gate = tf.sigmoid(tf.mul(xIn, tf.add(tf.mul(squared, B), A)));
    const y = tf.mul(xIn, gate);
    save([squared, gate, y]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [x2, s, out] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        const slope = tf.add(tf.mul(x2, 3 * B), A);
        const local = tf.add(s, tf.mul(tf.mul(out, tf.sub(1, s)), slope));
        return tf.mul(dy, local);
      },
    };
  });
}

/** Exact GELU x·Φ(x) = 0.5·x·(1 + erf(x/√2)) (Hugging Face "gelu"). */
export function geluErf(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1)));
}

/** SiLU (swish) x·σ(x), Llama's MLP activation. */
export function silu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.sigmoid(x)));
}
