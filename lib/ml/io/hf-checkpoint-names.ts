/**
 * The table between Hugging Face checkpoint tensors and engine parameters (see model/param-names.ts),
 * built per configuration: each entry names one HF tensor, the engine parameter(s) it holds and how
 * the layout changes between them.
 */
import { dimensions, type ModelConfig } from "../model/config";
import {
  FINAL_NORM_BIAS,
  FINAL_NORM_WEIGHT,
  LM_HEAD,
  type NormSite,
  normBias,
  normWeight,
  POSITION_EMBEDDING,
  type ProjectionModule,
  projectionBias,
  projectionWeight,
  TOKEN_EMBEDDING,
} from "../model/param-names";
import { hasBias } from "../model/param-specs";

/**
 * How an HF tensor becomes engine parameters: "copy" (same layout), "transpose" (nn.Linear [out, in]
 * ↔ engine [in, out]) or "split" (GPT-2's fused c_attn: last axis in three equal parts q, k, v).
 */
export type HfTransform = "copy" | "transpose" | "split";

/** One HF tensor and the engine parameters it maps to (three for "split", else one). */
export interface HfTensorEntry {
  hf: string;
  engine: string[];
  transform: HfTransform;
}

/** HF module path (without the model prefix) of a projection in layer i, e.g. `h.0.attn.c_proj`. */
export function hfModulePath(config: ModelConfig, layer: number, module: ProjectionModule): string {
  if (config.model_type === "gpt2") {
    const names: Partial<Record<ProjectionModule, string>> = {
      q: "attn.c_attn",
      k: "attn.c_attn",
      v: "attn.c_attn",
      o: "attn.c_proj",
      fc: "mlp.c_fc",
      proj: "mlp.c_proj",
    };
    return `h.${layer}.${names[module]}`;
  }
  const attention = module === "q" || module === "k" || module === "v" || module === "o";
  return `layers.${layer}.${attention ? "self_attn" : "mlp"}.${module}_proj`;
}

/** The prefix of every tensor but lm_head / score: `transformer.` for GPT-2, `model.` for Llama. */
export const hfModelPrefix = (config: ModelConfig) => (config.model_type === "gpt2" ? "transformer." : "model.");

/** Every HF tensor of a checkpoint for this configuration, in parameter order, with full HF names. */
export function hfTensorEntries(config: ModelConfig): HfTensorEntry[] {
  const p = hfModelPrefix(config);
  const dims = dimensions(config);
  const out: HfTensorEntry[] = [];
  const add = (hf: string, engine: string | string[], transform: HfTransform) =>
    out.push({ hf, engine: Array.isArray(engine) ? engine : [engine], transform });
  if (config.model_type === "gpt2") {
    add(`${p}wte.weight`, TOKEN_EMBEDDING, "copy");
    add(`${p}wpe.weight`, POSITION_EMBEDDING, "copy");
    const ln = (hf: string, layer: number, site: NormSite) => {
      add(`${hf}.weight`, normWeight(layer, site), "copy");
      add(`${hf}.bias`, normBias(layer, site), "copy");
    };
    for (let i = 0; i < dims.layers; i++) {
      const h = `${p}h.${i}`;
      const conv = (m: ProjectionModule) => {
        add(`${p}${hfModulePath(config, i, m)}.weight`, projectionWeight(i, m), "copy");
        add(`${p}${hfModulePath(config, i, m)}.bias`, projectionBias(i, m), "copy");
      };
      ln(`${h}.ln_1`, i, "attn_norm");
      const qkv: ProjectionModule[] = ["q", "k", "v"];
      add(
        `${h}.attn.c_attn.weight`,
        qkv.map((m) => projectionWeight(i, m)),
        "split",
      );
      add(
        `${h}.attn.c_attn.bias`,
        qkv.map((m) => projectionBias(i, m)),
        "split",
      );
      conv("o");
      ln(`${h}.ln_2`, i, "mlp_norm");
      conv("fc");
      conv("proj");
    }
    add(`${p}ln_f.weight`, FINAL_NORM_WEIGHT, "copy");
    add(`${p}ln_f.bias`, FINAL_NORM_BIAS, "copy");
    return out;
  }
  add(`${p}embed_tokens.weight`, TOKEN_EMBEDDING, "copy");
  for (let i = 0; i < dims.layers; i++) {
    add(`${p}layers.${i}.input_layernorm.weight`, normWeight(i, "attn_norm"), "copy");
    add(`${p}layers.${i}.post_attention_layernorm.weight`, normWeight(i, "mlp_norm"), "copy");
    for (const m of ["q", "k", "v", "o", "gate", "up", "down"] as const) {
      add(`${p}${hfModulePath(config, i, m)}.weight`, projectionWeight(i, m), "transpose");
      if (hasBias(config, m)) add(`${p}${hfModulePath(config, i, m)}.bias`, projectionBias(i, m), "copy");
    }
  }
  add(`${p}norm.weight`, FINAL_NORM_WEIGHT, "copy");
  if (!dims.tiedEmbeddings) add("lm_head.weight", LM_HEAD, "transpose");
  return out;
}

/**
 * Tensors a checkpoint may hold that are not parameters here: GPT-2's causal-mask buffers, RoPE's
 * inv_freq, and an LM head tied to the token embeddings.
 */
export function isIgnoredHfTensor(config: ModelConfig, name: string): boolean {
  if (/(^|\.)attn\.(masked_)?bias$/.test(name)) return true;
  if (/rotary_emb\.inv_freq$/.test(name)) return true;
  return name === "lm_head.weight" && dimensions(config).tiedEmbeddings;
}
