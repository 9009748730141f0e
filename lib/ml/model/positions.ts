import type * as tf from "@tensorflow/tfjs";

/** Positions of the tokens of one forward pass and which keys each may attend to. */
export interface PositionPlan {
  /** Position ids, one row per batch row, or a single row shared by all. */
  ids: number[][];
  /** Set when every row has the contiguous positions start … start+T−1. */
  start?: number;
  /** Additive attention bias: [T, Tk] causal, or [B, 1, 1, T, Tk] with a padding mask. */
  bias: { values: Float32Array; shape: number[] };
}

/** Large negative instead of −∞: a fully masked row (a padding query) stays finite. */
const MASKED = -1e9;

/**
 * Positions and attention bias for T new tokens after `past` cached ones. Without a mask, positions
 * are offset … offset+T−1 and the bias is causal. With an attention mask [B, past+T] (1 real, 0 padding:
 * left-padded batches), positions count real tokens only, as Hugging Face derives position_ids
 * (cumsum − 1, padding at 1), and padded keys are masked too.
 */
export function planPositions(
  batch: number,
  tokens: number,
  past: number,
  offset: number,
  attentionMask?: tf.Tensor2D,
): PositionPlan {
  const keys = past + tokens;
  if (!attentionMask) {
    const values = new Float32Array(tokens * keys);
    for (let i = 0; i < tokens; i++) {
      for (let j = past + i + 1; j < keys; j++) values[i * keys + j] = MASKED;
    }
    return {
      ids: [Array.from({ length: tokens }, (_, i) => offset + i)],
      start: offset,
      bias: { values, shape: [tokens, keys] },
    };
  }
  if (attentionMask.shape[0] !== batch || attentionMask.shape[1] !== keys) {
    throw new Error(`attentionMask must be [${batch}, ${keys}] (cached + new tokens), got [${attentionMask.shape}]`);
  }
  const mask = attentionMask.dataSync();
  const ids: number[][] = [];
  const values = new Float32Array(batch * tokens * keys);
  for (let b = 0; b < batch; b++) {
    const row: number[] = [];
    let seen = 0;
    for (let j = 0; j < keys; j++) {
      const real = mask[b * keys + j] !== 0;
      if (real) seen++;
      if (j >= past) row.push(real ? seen - 1 : 1);
    }
    ids.push(row);
    for (let i = 0; i < tokens; i++) {
      for (let j = 0; j < keys; j++) {
        if (j > past + i || mask[b * keys + j] === 0) values[(b * tokens + i) * keys + j] = MASKED;
      }
    }
  }
  return { ids, bias: { values, shape: [batch, 1, 1, tokens, keys] } };
}
