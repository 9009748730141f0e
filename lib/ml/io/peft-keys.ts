/**
 * PEFT's key names for LoRA adapters: `base_model.model.<HF module>.lora_A.weight` [r, in] and
 * `.lora_B.weight` [out, r] (the engine keeps A [in, r] and B [r, out]: both transposed), and a
 * classification head as `base_model.model.score.weight` [labels, hidden] (modules_to_save).
 */
import type { ModelConfig } from "../model/config";
import type { ProjectionModule } from "../model/param-names";
import { hfModelPrefix, hfModulePath } from "./hf-checkpoint-names";

/** Prefix PEFT gives every key of a model it wraps. */
export const PEFT_PREFIX = "base_model.model.";
/** A classification head saved through modules_to_save. */
export const SCORE_KEY = `${PEFT_PREFIX}score.weight`;
/** The modules GPT-2 fuses into c_attn, in its column order. */
export const QKV: readonly ProjectionModule[] = ["q", "k", "v"];

/** PEFT key of a LoRA factor on a projection of layer i. */
export function peftKey(config: ModelConfig, layer: number, module: ProjectionModule, factor: "A" | "B"): string {
  return `${PEFT_PREFIX}${hfModelPrefix(config)}${hfModulePath(config, layer, module)}.lora_${factor}.weight`;
}

/** The target_modules name of an engine module (GPT-2's two c_proj told apart by their parent). */
export function targetName(config: ModelConfig, module: ProjectionModule): string {
  if (config.model_type === "llama") return `${module}_proj`;
  const names: Record<string, string> = { q: "c_attn", k: "c_attn", v: "c_attn", o: "attn.c_proj", fc: "c_fc" };
  return names[module] ?? "mlp.c_proj";
}
