/**
 * Model configurations, in the fields and names of Hugging Face's config.json, with every default
 * filled in. `parseModelConfig` (config-parse.ts) builds them from raw JSON; JSON.stringify of one
 * is a valid config.json again.
 */

/** GPT-2 activations: "gelu_new" and "gelu_pytorch_tanh" are the tanh approximation, "gelu" is exact. */
export type Gpt2Activation = "gelu_new" | "gelu_pytorch_tanh" | "gelu";

/** Token ids a tokenizer and the model agree on (absent when the checkpoint names none). */
export interface SpecialTokenIds {
  bos_token_id?: number;
  /** Llama 3 lists several end-of-sequence ids. */
  eos_token_id?: number | number[];
  pad_token_id?: number;
}

/** GPT-2: LayerNorm, learned positions, GELU MLP, biases everywhere, LM head tied to the token embeddings. */
export interface Gpt2Config extends SpecialTokenIds {
  model_type: "gpt2";
  vocab_size: number;
  /** Longest sequence: rows of the learned position table. */
  n_positions: number;
  n_embd: number;
  n_layer: number;
  n_head: number;
  /** MLP width (HF: null means 4·n_embd; filled in here). */
  n_inner: number;
  activation_function: Gpt2Activation;
  layer_norm_epsilon: number;
  initializer_range: number;
  /** Divide attention scores by √head_dim (HF default true). */
  scale_attn_weights: boolean;
  /** GPT-2's LM head is always the transposed token embedding. */
  tie_word_embeddings: true;
}

/** RoPE frequency scaling, as in config.json's rope_scaling (null: none). */
export type RopeScaling =
  | { rope_type: "linear"; factor: number }
  | {
      rope_type: "llama3";
      factor: number;
      low_freq_factor: number;
      high_freq_factor: number;
      original_max_position_embeddings: number;
    };

/** Llama: RMSNorm, rotary positions, SwiGLU MLP, grouped-query attention. */
export interface LlamaConfig extends SpecialTokenIds {
  model_type: "llama";
  vocab_size: number;
  hidden_size: number;
  intermediate_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  /** Key/value heads; each serves num_attention_heads / num_key_value_heads query heads. */
  num_key_value_heads: number;
  /** Per-head width (HF: defaults to hidden_size / num_attention_heads). */
  head_dim: number;
  max_position_embeddings: number;
  rms_norm_eps: number;
  rope_theta: number;
  rope_scaling: RopeScaling | null;
  hidden_act: "silu";
  tie_word_embeddings: boolean;
  attention_bias: boolean;
  mlp_bias: boolean;
  initializer_range: number;
}

/** A model configuration of either family. */
export type ModelConfig = Gpt2Config | LlamaConfig;

/** The family-independent sizes the engine works with. */
export interface ModelDimensions {
  vocabSize: number;
  hiddenSize: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  mlpSize: number;
  /** Positions the model can address (learned table size for GPT-2; RoPE's nominal length for Llama). */
  maxPositions: number;
  tiedEmbeddings: boolean;
}

/** The sizes of a configuration, whatever its family calls them. */
export function dimensions(config: ModelConfig): ModelDimensions {
  if (config.model_type === "gpt2") {
    return {
      vocabSize: config.vocab_size,
      hiddenSize: config.n_embd,
      layers: config.n_layer,
      heads: config.n_head,
      kvHeads: config.n_head,
      headDim: config.n_embd / config.n_head,
      mlpSize: config.n_inner,
      maxPositions: config.n_positions,
      tiedEmbeddings: true,
    };
  }
  return {
    vocabSize: config.vocab_size,
    hiddenSize: config.hidden_size,
    layers: config.num_hidden_layers,
    heads: config.num_attention_heads,
    kvHeads: config.num_key_value_heads,
    headDim: config.head_dim,
    mlpSize: config.intermediate_size,
    maxPositions: config.max_position_embeddings,
    tiedEmbeddings: config.tie_word_embeddings,
  };
}
