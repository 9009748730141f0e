import * as tf from "@tensorflow/tfjs";
import { kernelProvider } from "../backend/accelerators";
import { NATIVE_ACCELERATOR } from "./native/name";
import { transposeLastTwo } from "./transpose";

/**
 * Whether the active backend multiplies transposed operands as fast as plain ones: tfjs-node, and
 * wasm with the native sgemm kernel (transposes are BLAS flags). The wasm backend's own transposed
 * products are 5–25× slower, so there the engine transposes explicitly instead.
 */
export function transposedProductsAreFree(): boolean {
  const backendName = tf.getBackend();
  return backendName === "tensorflow" || kernelProvider("BatchMatMul", backendName) === NATIVE_ACCELERATOR;
}

/**
 * op(a) @ op(b) over the last two axes, op being a transpose where asked: with transpose flags when
 * they are free, else with explicit transposes and a plain product. Not for taped forward passes
 * (tf.matMul's own gradient would use the slow transposed products): use it in gradients and custom ops.
 */
export function product<T extends tf.Tensor>(a: T, b: T, transposeA = false, transposeB = false): T {
  if (transposedProductsAreFree()) return tf.matMul(a, b, transposeA, transposeB) as unknown as T;
  const left = transposeA ? transposeLastTwo(a) : a;
  const right = transposeB ? transposeLastTwo(b) : b;
  return tf.matMul(left, right) as unknown as T;
}
