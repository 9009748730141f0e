/** Test helpers: tiny Hugging Face checkpoint folders to import as local checkpoints. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportHfCheckpoint } from "../io/hf-checkpoint";
import { parseModelConfig } from "../model/config-parse";
import { disposeParams, initParams } from "../model/params";

/** A tiny byte-vocabulary GPT-2 config (259 tokens: the engine's byte tokenizer fits it). */
export const TINY_GPT2 = {
  architectures: ["GPT2LMHeadModel"],
  model_type: "gpt2",
  vocab_size: 259,
  n_positions: 24,
  n_embd: 16,
  n_layer: 2,
  n_head: 2,
};

/** A tiny byte-vocabulary Llama config. */
export const TINY_LLAMA = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  vocab_size: 259,
  hidden_size: 16,
  intermediate_size: 24,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  max_position_embeddings: 64,
  tie_word_embeddings: false,
};

/**
 * Writes a checkpoint folder for `raw` (config.json + model.safetensors with random weights) with
 * exportHfCheckpoint, plus modelfactory.json when `info` is given. Needs a TensorFlow.js backend. Returns `dir`.
 */
export async function writeTinyCheckpoint(
  dir: string,
  raw: Record<string, unknown> = TINY_GPT2,
  info?: Record<string, unknown>,
): Promise<string> {
  const config = parseModelConfig(raw);
  const params = initParams(config, { seed: 1 });
  try {
    await exportHfCheckpoint(dir, { config, params });
  } finally {
    disposeParams(params);
  }
  if (info) {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "modelfactory.json"), JSON.stringify(info));
  }
  return dir;
}
