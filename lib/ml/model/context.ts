import * as tf from "@tensorflow/tfjs";
import { linear } from "../kernels/linear";
import type { LoraAdapter } from "../lora/adapter";
import { type LoraRun, loraDelta } from "../lora/apply";
import type { ModelConfig, ModelDimensions } from "./config";
import type { KvCache } from "./kv-cache";
import { type ProjectionModule, projectionBias, projectionWeight } from "./param-names";
import { type ReadonlyParams, requireParam } from "./params";
import type { Rotary } from "./rope";

/** Everything a layer needs for one forward pass (of a model of family C). */
export interface PassContext<C extends ModelConfig = ModelConfig> {
  params: ReadonlyParams;
  config: C;
  dims: ModelDimensions;
  adapter?: LoraAdapter;
  lora: LoraRun;
  batch: number;
  /** New tokens per row in this pass. */
  tokens: number;
  /** Additive attention bias, broadcastable to the scores [B, Hkv, G, T, Tk]. */
  attentionBias: tf.Tensor;
  /** Rotary tables (Llama). */
  rotary?: Rotary;
  cache?: KvCache;
}

/** A projection of x [N, in] by a layer's module: its weight (and bias), plus the adapter's share if it targets it. */
export function project(ctx: PassContext, x: tf.Tensor2D, layer: number, module: ProjectionModule): tf.Tensor2D {
  const weight = requireParam<tf.Tensor2D>(ctx.params, projectionWeight(layer, module));
  const bias = ctx.params.get(projectionBias(layer, module)) as tf.Tensor1D | undefined;
  const y = linear(x, weight, bias);
  const delta = ctx.adapter ? loraDelta(ctx.adapter, x, layer, module, ctx.lora) : undefined;
  return delta ? tf.add(y, delta) : y;
}
