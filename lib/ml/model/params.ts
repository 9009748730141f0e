import * as tf from "@tensorflow/tfjs";
import { hashString, mixSeeds } from "../kernels/random";
import type { ModelConfig } from "./config";
import { type ParamSpec, parameterSpecs } from "./param-specs";

/** A model's weights by engine name (see param-names.ts). Variables so that training can update them. */
export type ModelParams = Map<string, tf.Variable>;

/** Weights for reading only: variables or plain tensors (merged or imported weights). */
export type ReadonlyParams = ReadonlyMap<string, tf.Tensor>;

/** A tensor for a spec. Each parameter's draw depends only on the seed and its name, not on order. */
export function initialValue(spec: ParamSpec, seed: number): tf.Tensor {
  const { shape, init } = spec;
  if (init.kind === "zeros") return tf.zeros(shape);
  if (init.kind === "ones") return tf.ones(shape);
  return tf.randomNormal(shape, 0, init.std, "float32", mixSeeds(seed, hashString(spec.name)));
}

/** Creates variables for specs, as Hugging Face initialises them; the same seed gives the same weights. */
export function createVariables(specs: readonly ParamSpec[], seed: number): ModelParams {
  const params: ModelParams = new Map();
  for (const spec of specs) {
    const value = initialValue(spec, seed);
    params.set(spec.name, tf.variable(value, true));
    value.dispose();
  }
  return params;
}

/** Fresh weights for a model, deterministic in `seed`. */
export function initParams(config: ModelConfig, options: { seed?: number } = {}): ModelParams {
  return createVariables(parameterSpecs(config), options.seed ?? 0);
}

/** Disposes every tensor of a parameter map. */
export function disposeParams(params: ReadonlyParams): void {
  for (const tensor of params.values()) tensor.dispose();
}

/** Number of scalars in a parameter map. */
export function countParameters(params: ReadonlyParams): number {
  let total = 0;
  for (const tensor of params.values()) total += tensor.size;
  return total;
}

/** The parameter called `name`; throws naming it when absent. */
export function requireParam<T extends tf.Tensor = tf.Tensor>(params: ReadonlyParams, name: string): T {
  const tensor = params.get(name);
  if (!tensor) throw new Error(`missing parameter "${name}"`);
  return tensor as T;
}
