import type * as tf from "@tensorflow/tfjs";
import { dimensions, type ModelConfig } from "../model/config";
import { loraA, loraB } from "../model/param-names";
import { classifierSpec, type ParamSpec, projectionShapes } from "../model/param-specs";
import { createVariables, disposeParams } from "../model/params";
import { type LoraConfig, validateLoraConfig } from "./config";

/**
 * A LoRA adapter: its configuration and its own variables, apart from the base weights, which it
 * never changes. Names: `layers.{i}.<module path>.lora_a` [in, rank] and `.lora_b` [rank, out]
 * (see model/param-names.ts), plus `classifier.weight` when it carries a classification head.
 */
export interface LoraAdapter {
  readonly config: LoraConfig;
  readonly params: Map<string, tf.Variable>;
}

/** Options of createLoraAdapter. */
export interface CreateAdapterOptions {
  seed?: number;
  /** Adds a trainable sequence-classification head with this many labels (PEFT's modules_to_save). */
  numLabels?: number;
}

/**
 * Every variable of an adapter. A starts normal with std 1/rank (PEFT's init_lora_weights="gaussian"),
 * B at zero, so a fresh adapter leaves the model's outputs exactly as they were.
 */
export function adapterSpecs(model: ModelConfig, lora: LoraConfig, numLabels?: number): ParamSpec[] {
  const config = validateLoraConfig(lora, model);
  const shapes = projectionShapes(model);
  const specs: ParamSpec[] = [];
  for (let layer = 0; layer < dimensions(model).layers; layer++) {
    for (const module of config.targetModules) {
      const [inputs, outputs] = shapes[module];
      specs.push({
        name: loraA(layer, module),
        shape: [inputs, config.rank],
        init: { kind: "normal", std: 1 / config.rank },
      });
      specs.push({ name: loraB(layer, module), shape: [config.rank, outputs], init: { kind: "zeros" } });
    }
  }
  if (numLabels !== undefined) specs.push(classifierSpec(model, numLabels));
  return specs;
}

/** A fresh adapter for a model; the same seed gives the same A matrices. */
export function createLoraAdapter(
  model: ModelConfig,
  lora: LoraConfig,
  options: CreateAdapterOptions = {},
): LoraAdapter {
  const config = validateLoraConfig(lora, model);
  return { config, params: createVariables(adapterSpecs(model, config, options.numLabels), options.seed ?? 0) };
}

/** Disposes an adapter's variables. */
export function disposeAdapter(adapter: LoraAdapter): void {
  disposeParams(adapter.params);
}
