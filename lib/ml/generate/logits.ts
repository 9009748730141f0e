/** One decoding step: runs the model on the next tokens with the KV cache and reads the last logits. */
import * as tf from "@tensorflow/tfjs";
import type { LoraAdapter } from "../lora/adapter";
import { forward } from "../model/forward";
import type { KvCache } from "../model/kv-cache";
import type { GenerationModel } from "./options";

/**
 * Feeds `rows` (equal length; left-padded with `mask` [B, cached + T] when given) and returns each row's
 * next-token logits, read to the CPU. Every tensor made here is released.
 */
export async function nextLogits(
  model: GenerationModel,
  adapter: LoraAdapter | undefined,
  cache: KvCache,
  rows: number[][],
  mask?: number[][],
): Promise<Float32Array[]> {
  const batch = rows.length;
  const length = rows[0]?.length ?? 0;
  const logits = tf.tidy(() => {
    const tokens = tf.tensor2d(rows, [batch, length], "int32");
    const attentionMask = mask ? tf.tensor2d(mask, [batch, mask[0]?.length ?? 0], "int32") : undefined;
    return forward(model.params, model.config, tokens, { adapter, cache, attentionMask, lastPositionOnly: true });
  });
  try {
    const data = (await logits.data()) as Float32Array;
    const vocab = logits.shape[2];
    return Array.from({ length: batch }, (_, b) => data.subarray(b * vocab, (b + 1) * vocab));
  } finally {
    logits.dispose();
  }
}
