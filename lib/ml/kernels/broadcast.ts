import * as tf from "@tensorflow/tfjs";
import { backendKernel, type EngineKernel, runEngineKernel } from "./registry";

/** The largest divisor of n that is at most √n. */
function squareFactor(n: number): number {
  for (let f = Math.floor(Math.sqrt(n)); f > 1; f--) if (n % f === 0) return f;
  return 1;
}

/**
 * Sums x over its leading axes down to `shape` (x's trailing shape), as two reductions over a
 * [f, rows/f, size] view. The wasm backend reduces a leading axis by transposing first, and its
 * transpose of a tall [rows, size] matrix is slow (strided writes); the two smaller ones run 3× faster.
 */
function sumLeading(x: tf.Tensor, shape: number[]): tf.Tensor {
  const size = tf.util.sizeFromShape(shape);
  const rows = x.size / size;
  const f = squareFactor(rows);
  return tf.tidy(() => tf.sum(tf.sum(x.reshape([f, rows / f, size]), 1), 0).reshape(shape));
}

function broadcastKernel(
  name: string,
  backendOp: "Add" | "Multiply",
  gradient: EngineKernel["gradient"],
): EngineKernel {
  return {
    name,
    forward: (backendName) => (args) =>
      backendKernel(backendOp, backendName).kernelFunc({
        inputs: { a: args.inputs.x, b: args.inputs.row },
        backend: args.backend,
      }),
    gradient,
  };
}

/** x + row, row broadcast over x's leading axes; row's gradient is a column sum by matmul. */
const ADD_ROW = broadcastKernel("LibMlAddRow", "Add", {
  inputsToSave: ["row"],
  gradFunc: (dy, saved) => {
    const [row] = saved as [tf.Tensor];
    const g = dy as tf.Tensor;
    return { x: () => g, row: () => sumLeading(g, row.shape) };
  },
});

/** x · row, row broadcast over x's leading axes; row's gradient is a column sum by matmul. */
const MUL_ROW = broadcastKernel("LibMlMulRow", "Multiply", {
  inputsToSave: ["x", "row"],
  gradFunc: (dy, saved) => {
    const [x, row] = saved as [tf.Tensor, tf.Tensor];
    const g = dy as tf.Tensor;
    return { x: () => tf.mul(g, row), row: () => sumLeading(tf.mul(g, x), row.shape) };
  },
});

function checkTrailing(x: tf.Tensor, row: tf.Tensor): void {
  const trailing = x.shape.slice(x.rank - row.rank);
  if (row.rank > x.rank || trailing.join() !== row.shape.join()) {
    throw new Error(`a row of shape [${row.shape}] does not match the trailing axes of [${x.shape}]`);
  }
}

/** x + row where row has x's trailing shape (a bias, position embeddings): fast gradient for row. */
export function addRow<T extends tf.Tensor>(x: T, row: tf.Tensor): T {
  checkTrailing(x, row);
  return runEngineKernel<T>(ADD_ROW, { x, row });
}

/** x · row where row has x's trailing shape (a norm's gain): fast gradient for row. */
export function mulRow<T extends tf.Tensor>(x: T, row: tf.Tensor): T {
  checkTrailing(x, row);
  return runEngineKernel<T>(MUL_ROW, { x, row });
}
