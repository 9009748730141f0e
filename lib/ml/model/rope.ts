import * as tf from "@tensorflow/tfjs";
import { matMul } from "../kernels/matmul";
import type { LlamaConfig } from "./config";

const f32 = Math.fround;

/**
 * RoPE inverse frequencies 1/θ^(2i/dh), i < dh/2, with the config's scaling. Rounded to float32 at
 * each step as Hugging Face computes them, so imported checkpoints see the same angles.
 */
export function ropeInverseFrequencies(config: LlamaConfig): Float32Array {
  const dim = config.head_dim;
  const inverse = new Float32Array(dim / 2);
  for (let i = 0; i < inverse.length; i++) {
    inverse[i] = f32(1 / f32(config.rope_theta ** f32((2 * i) / dim)));
  }
  const scaling = config.rope_scaling;
  if (scaling?.rope_type === "linear") return inverse.map((value) => f32(value / scaling.factor));
  if (scaling?.rope_type === "llama3") {
    const { factor, low_freq_factor: low, high_freq_factor: high } = scaling;
    const context = scaling.original_max_position_embeddings;
    return inverse.map((value) => {
      const wavelength = (2 * Math.PI) / value;
      if (wavelength < context / high) return value;
      if (wavelength > context / low) return f32(value / factor);
      const smooth = (context / wavelength - low) / (high - low);
      return f32((1 - smooth) * (value / factor) + smooth * value);
    });
  }
  return inverse;
}

/** cos and sin of position·frequency, [positions.length, dh] each, halves repeated as in HF. */
export function rotaryTables(
  inverse: Float32Array,
  positions: ArrayLike<number>,
): { cos: Float32Array; sin: Float32Array } {
  const half = inverse.length;
  const cos = new Float32Array(positions.length * half * 2);
  const sin = new Float32Array(cos.length);
  for (let p = 0; p < positions.length; p++) {
    for (let i = 0; i < half; i++) {
      const angle = f32((positions[p] as number) * (inverse[i] as number));
      const row = p * half * 2;
      cos[row + i] = cos[row + half + i] = Math.cos(angle);
      sin[row + i] = sin[row + half + i] = Math.sin(angle);
    }
  }
  return { cos, sin };
}

/**
 * R with x @ R = rotate_half(x) = [−x₂, x₁] (HF's convention): one small matmul instead of two
 * slices, a negation and a concat. Exact: each output is one input times ±1.
 */
export function rotateHalfMatrix(dim: number): tf.Tensor2D {
  const half = dim / 2;
  const values = new Float32Array(dim * dim);
  for (let j = 0; j < half; j++) {
    values[(j + half) * dim + j] = -1;
    values[j * dim + j + half] = 1;
  }
  return tf.tensor2d(values, [dim, dim]);
}

/** Rotary embedding tensors for one forward pass. */
export interface Rotary {
  /** [B or 1, T, 1, dh], broadcast over heads. */
  cos: tf.Tensor4D;
  sin: tf.Tensor4D;
  rotation: tf.Tensor2D;
}

/** Builds the rotary tensors for positions given per batch row ([rows][T]); one row is shared by all. */
export function rotary(config: LlamaConfig, positions: number[][]): Rotary {
  const tables = rotaryTables(ropeInverseFrequencies(config), positions.flat());
  const shape: [number, number, number, number] = [positions.length, positions[0]?.length ?? 0, 1, config.head_dim];
  return {
    cos: tf.tensor4d(tables.cos, shape),
    sin: tf.tensor4d(tables.sin, shape),
    rotation: rotateHalfMatrix(config.head_dim),
  };
}

/** x·cos + rotate_half(x)·sin on x [B, T, heads, dh]. */
export function applyRotary(x: tf.Tensor4D, { cos, sin, rotation }: Rotary): tf.Tensor4D {
  const dim = x.shape[3];
  const rotated = matMul(x.reshape([-1, dim]) as tf.Tensor2D, rotation).reshape(x.shape);
  return tf.add(tf.mul(x, cos), tf.mul(rotated, sin));
}
