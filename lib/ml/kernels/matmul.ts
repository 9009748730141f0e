import type * as tf from "@tensorflow/tfjs";
import { backendKernel, type EngineKernel, runEngineKernel } from "./registry";
import { transpose2d } from "./transpose";
import { product, transposedProductsAreFree } from "./transposed-products";

/**
 * db = aᵀ @ dy, or (dyᵀ @ a)ᵀ when dy is the wider of the two and transposes are explicit. XNNPACK
 * repacks the right operand of every product whose right operand is a new tensor (~3 ns a value,
 * more than a blocked transpose costs), so the narrower activation goes on the right: for a LoRA B
 * [rank, out] that is the [N, rank] input instead of the [N, out] gradient.
 */
function rightGradient(a: tf.Tensor2D, dy: tf.Tensor2D): tf.Tensor2D {
  if (!transposedProductsAreFree() && dy.shape[1] > a.shape[1]) return transpose2d(product(dy, a, true, false));
  return product(a, dy, true, false);
}

/**
 * a @ b, or a @ bᵀ with the transposeB attribute (only used where transposed products are free), with
 * gradients computed only for the inputs something trainable needs:
 * for a @ b, da = dy @ bᵀ and db = aᵀ @ dy; for a @ bᵀ, da = dy @ b and db = dyᵀ @ a.
 * tf.matMul's own gradient uses transposed products, which the plain wasm backend runs 5–25× slower.
 */
const MATMUL: EngineKernel = {
  name: "LibMlMatMul",
  forward: (backendName) => (args) =>
    backendKernel("BatchMatMul", backendName).kernelFunc({
      inputs: { a: args.inputs.a, b: args.inputs.b },
      backend: args.backend,
      attrs: { transposeA: false, transposeB: Boolean(args.attrs?.transposeB) },
    }),
  gradient: {
    inputsToSave: ["a", "b"],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as [tf.Tensor2D, tf.Tensor2D];
      const dy2 = dy as tf.Tensor2D;
      if (attrs?.transposeB) return { a: () => product(dy2, b), b: () => product(dy2, a, true, false) };
      return { a: () => product(dy2, b, false, true), b: () => rightGradient(a, dy2) };
    },
  },
};

/** Matrix product a [m, k] @ b [k, n] → [m, n]; see MATMUL for its gradient. */
export function matMul(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  if (a.rank !== 2 || b.rank !== 2 || a.shape[1] !== b.shape[0]) {
    throw new Error(`matMul needs [m, k] @ [k, n], got [${a.shape}] @ [${b.shape}]`);
  }
  return runEngineKernel<tf.Tensor2D>(MATMUL, { a, b });
}

/**
 * a [m, k] @ bᵀ for b [n, k] (a tied LM head: hidden states times the embedding table). Where
 * transposed products are free that is one product; otherwise it either transposes b, or computes
 * (b @ aᵀ)ᵀ when b is much larger than a — a decoding step with a large vocabulary would otherwise
 * transpose and repack the whole table for a row or two.
 */
export function matMulTransposed(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  const [m, k] = a.shape;
  const n = b.shape[0];
  if (a.rank !== 2 || b.rank !== 2 || k !== b.shape[1]) {
    throw new Error(`matMulTransposed needs [m, k] @ [n, k]ᵀ, got [${a.shape}] @ [${b.shape}]ᵀ`);
  }
  if (transposedProductsAreFree()) return runEngineKernel<tf.Tensor2D>(MATMUL, { a, b }, { transposeB: true });
  if (n * k <= m * (k + n)) return matMul(a, transpose2d(b));
  return transpose2d(matMul(b, transpose2d(a)));
}
