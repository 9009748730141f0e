import type { ModelConfig } from "../model/config";
import type { ProjectionModule } from "../model/param-names";
import { projectionModules } from "../model/param-specs";

/**
 * A LoRA configuration: W x + (alpha / rank) · B A dropout(x) on each target module.
 * Target modules are engine names: "q", "k", "v", "o" for attention in both families; for the MLP
 * "fc" and "proj" in GPT-2 (c_fc, c_proj) and "gate", "up", "down" in Llama (*_proj).
 */
export interface LoraConfig {
  rank: number;
  alpha: number;
  /** Probability of zeroing an input element of the adapter path, in training only. */
  dropout: number;
  targetModules: ProjectionModule[];
}

/** A LoRA configuration that does not fit the model. */
export class LoraConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LoraConfigError";
  }
}

/** Checks a LoRA configuration against the model's family; returns it with targets deduplicated in module order. */
export function validateLoraConfig(lora: LoraConfig, model: ModelConfig): LoraConfig {
  if (!Number.isInteger(lora.rank) || lora.rank < 1) {
    throw new LoraConfigError(`LoRA rank must be a positive integer, got ${lora.rank}`);
  }
  if (!(lora.alpha > 0) || !Number.isFinite(lora.alpha)) {
    throw new LoraConfigError(`LoRA alpha must be a positive number, got ${lora.alpha}`);
  }
  if (!(lora.dropout >= 0 && lora.dropout < 1)) {
    throw new LoraConfigError(`LoRA dropout must be in [0, 1), got ${lora.dropout}`);
  }
  const allowed = projectionModules(model);
  const unknown = lora.targetModules.filter((module) => !allowed.includes(module));
  if (unknown.length > 0) {
    throw new LoraConfigError(
      `LoRA target modules ${unknown.map((m) => `"${m}"`).join(", ")} do not exist in ${model.model_type}: ` +
        `choose from ${allowed.join(", ")}`,
    );
  }
  if (lora.targetModules.length === 0) throw new LoraConfigError("LoRA needs at least one target module");
  return { ...lora, targetModules: allowed.filter((module) => lora.targetModules.includes(module)) };
}

/** The factor applied to B·A: alpha / rank, as PEFT (without rsLoRA). */
export function loraScale(lora: LoraConfig): number {
  return lora.alpha / lora.rank;
}
