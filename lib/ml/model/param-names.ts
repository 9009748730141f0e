/**
 * Parameter names and weight layouts: the engine's stable contract with checkpoints and adapters.
 *
 * Parameters live in a `Map<string, tf.Variable>` keyed by these names, the same for both families
 * wherever the part is the same. Every dense weight is stored [in, out] (y = x @ W + b: a plain
 * untransposed matmul, the fast path on wasm); embedding tables are [rows, width] as in Hugging Face.
 *
 * | engine name                     | shape             | GPT-2 (HF `transformer.` prefix)            | Llama (HF `model.` prefix)                   |
 * |---------------------------------|-------------------|---------------------------------------------|----------------------------------------------|
 * | embed.tokens                    | [vocab, hidden]   | wte.weight (same layout)                    | embed_tokens.weight (same layout)            |
 * | embed.positions                 | [positions, hid.] | wpe.weight (same layout)                    | — (RoPE)                                     |
 * | layers.{i}.attn_norm.weight     | [hidden]          | h.{i}.ln_1.weight                           | layers.{i}.input_layernorm.weight            |
 * | layers.{i}.attn_norm.bias       | [hidden]          | h.{i}.ln_1.bias                             | —                                            |
 * | layers.{i}.attn.q.weight        | [hidden, H·dh]    | h.{i}.attn.c_attn.weight[:, 0:d]            | layers.{i}.self_attn.q_proj.weight, transposed |
 * | layers.{i}.attn.k.weight        | [hidden, Hkv·dh]  | h.{i}.attn.c_attn.weight[:, d:2d]           | layers.{i}.self_attn.k_proj.weight, transposed |
 * | layers.{i}.attn.v.weight        | [hidden, Hkv·dh]  | h.{i}.attn.c_attn.weight[:, 2d:3d]          | layers.{i}.self_attn.v_proj.weight, transposed |
 * | layers.{i}.attn.{q,k,v}.bias    | [out]             | h.{i}.attn.c_attn.bias, same thirds         | self_attn.{q,k,v}_proj.bias (attention_bias) |
 * | layers.{i}.attn.o.weight        | [H·dh, hidden]    | h.{i}.attn.c_proj.weight (same layout)      | layers.{i}.self_attn.o_proj.weight, transposed |
 * | layers.{i}.attn.o.bias          | [hidden]          | h.{i}.attn.c_proj.bias                      | self_attn.o_proj.bias (attention_bias)       |
 * | layers.{i}.mlp_norm.weight      | [hidden]          | h.{i}.ln_2.weight                           | layers.{i}.post_attention_layernorm.weight   |
 * | layers.{i}.mlp_norm.bias        | [hidden]          | h.{i}.ln_2.bias                             | —                                            |
 * | layers.{i}.mlp.fc.weight / bias | [hidden, inner]   | h.{i}.mlp.c_fc.weight / bias (same layout)  | —                                            |
 * | layers.{i}.mlp.proj.weight/bias | [inner, hidden]   | h.{i}.mlp.c_proj.weight / bias (same layout)| —                                            |
 * | layers.{i}.mlp.gate.weight      | [hidden, inter.]  | —                                           | layers.{i}.mlp.gate_proj.weight, transposed  |
 * | layers.{i}.mlp.up.weight        | [hidden, inter.]  | —                                           | layers.{i}.mlp.up_proj.weight, transposed    |
 * | layers.{i}.mlp.down.weight      | [inter., hidden]  | —                                           | layers.{i}.mlp.down_proj.weight, transposed  |
 * | layers.{i}.mlp.{gate,up,down}.bias | [out]          | —                                           | mlp.*_proj.bias (mlp_bias)                   |
 * | final_norm.weight / bias        | [hidden]          | ln_f.weight / bias                          | norm.weight (no bias)                        |
 * | lm_head.weight                  | [hidden, vocab]   | — (tied: embed.tokens transposed)           | lm_head.weight (no prefix), transposed; absent when tie_word_embeddings |
 * | classifier.weight               | [hidden, labels]  | score.weight (no prefix), transposed        | score.weight (no prefix), transposed         |
 *
 * GPT-2 uses Conv1D, whose weights are already [in, out]; its fused c_attn [d, 3d] splits into
 * q, k, v by column thirds (and its bias likewise). Llama uses nn.Linear, stored [out, in]: transpose.
 * The per-head column order is Hugging Face's in both (head h owns columns h·dh … h·dh+dh−1), and
 * RoPE uses HF's rotate-half convention, so imported q/k weights need no permutation. GPT-2 files
 * may lack the `transformer.` prefix and may hold `attn.bias` / `attn.masked_bias` (causal-mask
 * buffers) or a tied `lm_head.weight`: none of these is a parameter here.
 *
 * LoRA adapters (lora/) use the module's name plus `lora_a` / `lora_b`:
 *   layers.{i}.attn.q.lora_a  [in, rank]   = PEFT `…q_proj.lora_A.weight` [rank, in], transposed
 *   layers.{i}.attn.q.lora_b  [rank, out]  = PEFT `…q_proj.lora_B.weight` [out, rank], transposed
 * GPT-2 in PEFT adapts the fused c_attn with one A: importing one, q, k and v each take that A and
 * their third of B's columns (same rank and alpha). Exporting separate q, k, v adapters as c_attn
 * gives A = [A_q | A_k | A_v] and a block-diagonal B, rank 3r, with alpha tripled to keep alpha/rank.
 */

/** A module that a weight matrix (and LoRA) can sit on: attention projections, then MLP projections. */
export type ProjectionModule = "q" | "k" | "v" | "o" | "fc" | "proj" | "gate" | "up" | "down";

/** The attention projections, named the same in both families. */
export const ATTENTION_MODULES = ["q", "k", "v", "o"] as const;

/** GPT-2's MLP: fc (c_fc, widening) then proj (c_proj, narrowing). */
export const GPT2_MLP_MODULES = ["fc", "proj"] as const;

/** Llama's SwiGLU MLP: down(silu(gate(x)) · up(x)). */
export const LLAMA_MLP_MODULES = ["gate", "up", "down"] as const;

const ATTENTION = new Set<string>(ATTENTION_MODULES);

/** Token embedding table [vocab, hidden]. */
export const TOKEN_EMBEDDING = "embed.tokens";
/** GPT-2's learned position table [positions, hidden]. */
export const POSITION_EMBEDDING = "embed.positions";
/** The norm after the last layer: gain [hidden] (and GPT-2's bias). */
export const FINAL_NORM_WEIGHT = "final_norm.weight";
export const FINAL_NORM_BIAS = "final_norm.bias";
/** An untied LM head [hidden, vocab]. */
export const LM_HEAD = "lm_head.weight";
/** A sequence-classification head [hidden, labels]. */
export const CLASSIFIER = "classifier.weight";

/** Prefix of every parameter of layer i. */
export const layerPrefix = (layer: number) => `layers.${layer}`;

/** Where a projection module lives in a layer: `attn.q`, `mlp.fc`, … */
export function modulePath(module: ProjectionModule): string {
  return `${ATTENTION.has(module) ? "attn" : "mlp"}.${module}`;
}

/** The weight matrix [in, out] of a projection in a layer. */
export const projectionWeight = (layer: number, module: ProjectionModule) =>
  `${layerPrefix(layer)}.${modulePath(module)}.weight`;

/** The bias [out] of a projection in a layer (GPT-2 always; Llama with attention_bias / mlp_bias). */
export const projectionBias = (layer: number, module: ProjectionModule) =>
  `${layerPrefix(layer)}.${modulePath(module)}.bias`;

/** A layer's two norms: before attention and before the MLP. */
export type NormSite = "attn_norm" | "mlp_norm";

/** A layer norm's gain [hidden] and (GPT-2) bias [hidden]. */
export const normWeight = (layer: number, site: NormSite) => `${layerPrefix(layer)}.${site}.weight`;
export const normBias = (layer: number, site: NormSite) => `${layerPrefix(layer)}.${site}.bias`;

/** LoRA factor names for a projection: A [in, rank] and B [rank, out]. */
export const loraA = (layer: number, module: ProjectionModule) => `${layerPrefix(layer)}.${modulePath(module)}.lora_a`;
export const loraB = (layer: number, module: ProjectionModule) => `${layerPrefix(layer)}.${modulePath(module)}.lora_b`;
