import * as tf from "@tensorflow/tfjs";

const BLOCK = 16;

/**
 * The transpose of a matrix. A large matrix whose sides are multiples of 16 goes through a blocked
 * 4-D view: the same permutation, but the wasm kernel then writes contiguous runs instead of one
 * float per row, which is several times faster.
 */
export function transpose2d(x: tf.Tensor2D): tf.Tensor2D {
  const [rows, cols] = x.shape;
  if (rows % BLOCK !== 0 || cols % BLOCK !== 0 || rows * cols < 4096) return tf.transpose(x);
  return tf.tidy(() =>
    x
      .reshape([rows / BLOCK, BLOCK, cols / BLOCK, BLOCK])
      .transpose([2, 3, 0, 1])
      .reshape([cols, rows]),
  );
}

/** Swaps the last two axes of a batch of matrices. */
export function transposeLastTwo<T extends tf.Tensor>(x: T): T {
  const perm = x.shape.map((_, i) => i);
  const rank = perm.length;
  [perm[rank - 2], perm[rank - 1]] = [rank - 1, rank - 2];
  return tf.transpose(x, perm);
}
