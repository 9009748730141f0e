import type * as tf from "@tensorflow/tfjs";
import { addRow } from "./broadcast";
import { matMul } from "./matmul";

/** x [n, in] @ weight [in, out] (+ bias [out]): a dense layer in the engine's [in, out] weight layout. */
export function linear(x: tf.Tensor2D, weight: tf.Tensor2D, bias?: tf.Tensor1D): tf.Tensor2D {
  const y = matMul(x, weight);
  return bias ? addRow(y, bias) : y;
}
