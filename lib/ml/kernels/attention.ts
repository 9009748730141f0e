import * as tf from "@tensorflow/tfjs";
import { customOp } from "./custom-op";
import { product } from "./transposed-products";

/**
 * Scaled dot-product attention for grouped-query heads, softmax(q·kᵀ·scale + bias)·v:
 * q [B, Hkv, G, T, dh] (G query heads share each of the Hkv key/value heads; G = 1 is plain
 * multi-head attention), k and v [B, Hkv, Tk, dh], bias additive and broadcastable to the scores
 * [B, Hkv, G, T, Tk] (a causal [T, Tk] mask, or [B, 1, 1, T, Tk] with padding). Returns [B, Hkv, G, T, dh].
 *
 * Every product is a batched matmul over B·Hkv items with the G·T query rows of a
 * group stacked, so keys are never repeated per query head; the gradient is written out with
 * products whose transposes are explicit unless the backend makes them free (see transposed-products.ts).
 */
export function groupedAttention(
  q: tf.Tensor5D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  bias: tf.Tensor,
  scale: number,
): tf.Tensor5D {
  const [batch, kvHeads, groups, queries, headDim] = q.shape;
  const keys = k.shape[2];
  if (k.shape[0] !== batch || k.shape[1] !== kvHeads || k.shape[3] !== headDim || !sameShape(k.shape, v.shape)) {
    throw new Error(`attention shapes disagree: q [${q.shape}], k [${k.shape}], v [${v.shape}]`);
  }
  const items = batch * kvHeads;
  const rows = groups * queries;
  return customOp<tf.Tensor5D, [tf.Tensor5D, tf.Tensor4D, tf.Tensor4D]>([q, k, v], ([qIn, kIn, vIn], save) => {
    const qs = tf.mul(tf.reshape(qIn, [items, rows, headDim]), scale) as tf.Tensor3D;
    const k3 = tf.reshape(kIn, [items, keys, headDim]) as tf.Tensor3D;
    const v3 = tf.reshape(vIn, [items, keys, headDim]) as tf.Tensor3D;
    const scores = product(qs, k3, false, true).reshape([batch, kvHeads, groups, queries, keys]);
    const probs = tf.softmax(tf.add(scores, bias)).reshape([items, rows, keys]) as tf.Tensor3D;
    save([qs, k3, v3, probs]);
    return {
      value: tf.matMul(probs, v3).reshape([batch, kvHeads, groups, queries, headDim]) as tf.Tensor5D,
      gradFunc: (dy, saved) => {
        const [qSaved, kSaved, vSaved, p] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
        const dOut = tf.reshape(dy, [items, rows, headDim]) as tf.Tensor3D;
        const dv = product(p, dOut, true, false);
        const dProbs = product(dOut, vSaved, false, true);
        const dScores = tf.mul(p, tf.sub(dProbs, tf.sum(tf.mul(dProbs, p), -1, true))) as tf.Tensor3D;
        const dq = tf.mul(tf.matMul(dScores, kSaved), scale);
        const dk = product(dScores, qSaved, true, false);
        return [dq.reshape(q.shape), dk.reshape(k.shape), dv.reshape(v.shape)];
      },
    };
  });
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i]);
}
