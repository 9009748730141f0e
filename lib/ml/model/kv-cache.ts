import * as tf from "@tensorflow/tfjs";
import { dimensions, type ModelConfig } from "./config";

interface LayerEntry {
  keys: tf.Tensor4D;
  values: tf.Tensor4D;
}

/**
 * Keys and values of the tokens seen so far, per layer, [B, Hkv, length, dh] each, for incremental
 * decoding: pass it to forward with the next token(s) only. The cache owns its tensors (kept out of
 * any tf.tidy) until dispose().
 */
export class KvCache {
  private readonly entries: (LayerEntry | undefined)[];
  private cachedLength = 0;

  constructor(
    readonly batchSize: number,
    readonly layers: number,
  ) {
    this.entries = Array.from({ length: layers }, () => undefined);
  }

  /** Tokens cached so far. */
  get length(): number {
    return this.cachedLength;
  }

  /**
   * Adds this pass's keys and values [B, Hkv, T, dh] for a layer and returns all of them so far.
   * The previous tensors are released.
   */
  append(layer: number, keys: tf.Tensor4D, values: tf.Tensor4D): LayerEntry {
    if (keys.shape[0] !== this.batchSize) {
      throw new Error(`KV cache holds a batch of ${this.batchSize}, got keys for ${keys.shape[0]}`);
    }
    const previous = this.entries[layer];
    const entry = previous
      ? { keys: tf.concat([previous.keys, keys], 2), values: tf.concat([previous.values, values], 2) }
      : { keys: keys.clone(), values: values.clone() };
    tf.keep(entry.keys);
    tf.keep(entry.values);
    if (previous) tf.dispose([previous.keys, previous.values]);
    this.entries[layer] = entry;
    return entry;
  }

  /** Records that every layer has appended `tokens` more (forward calls this after the last layer). */
  advance(tokens: number): void {
    this.cachedLength += tokens;
  }

  /** Releases every cached tensor; the cache is empty afterwards. */
  dispose(): void {
    for (const entry of this.entries) if (entry) tf.dispose([entry.keys, entry.values]);
    this.entries.fill(undefined);
    this.cachedLength = 0;
  }
}

/** An empty KV cache for a model and batch size. */
export function createKvCache(config: ModelConfig, batchSize: number): KvCache {
  return new KvCache(batchSize, dimensions(config).layers);
}
