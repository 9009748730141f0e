import type { Gpt2Config, LlamaConfig } from "./config";
import { parseModelConfig } from "./config-parse";

/** Tiny configurations for fast tests. */
export const TINY_GPT2 = parseModelConfig({
  model_type: "gpt2",
  vocab_size: 40,
  n_positions: 24,
  n_embd: 16,
  n_layer: 2,
  n_head: 2,
}) as Gpt2Config;

/** Grouped-query attention (4 query heads over 2 key/value heads), untied head, RoPE. */
export const TINY_LLAMA = parseModelConfig({
  model_type: "llama",
  vocab_size: 40,
  hidden_size: 16,
  intermediate_size: 24,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  max_position_embeddings: 64,
  tie_word_embeddings: false,
}) as LlamaConfig;

/** Deterministic token ids [batch, length] below `vocab`. */
export function tokenRows(batch: number, length: number, vocab: number, seed = 1): number[][] {
  return Array.from({ length: batch }, (_, b) =>
    Array.from({ length }, (_, t) => (seed * 7919 + b * 104729 + t * 31 + ((t * t * 13) % 17)) % vocab),
  );
}
