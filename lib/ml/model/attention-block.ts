import type * as tf from "@tensorflow/tfjs";
import { groupedAttention } from "../kernels/attention";
import { type PassContext, project } from "./context";
import { applyRotary } from "./rope";

/**
 * Causal self-attention of one layer on x [N = B·T, hidden] → [N, hidden], output projection
 * included. Heads are laid out as Hugging Face's (head h owns columns h·dh … h·dh+dh−1; query head h
 * reads key/value head ⌊h / G⌋). With a KV cache, this pass's keys and values are appended and
 * attention covers every cached token.
 */
export function selfAttention(ctx: PassContext, x: tf.Tensor2D, layer: number): tf.Tensor2D {
  const { batch, tokens } = ctx;
  const { heads, kvHeads, headDim } = ctx.dims;
  const groups = heads / kvHeads;
  let q = project(ctx, x, layer, "q").reshape([batch, tokens, heads, headDim]) as tf.Tensor4D;
  let k = project(ctx, x, layer, "k").reshape([batch, tokens, kvHeads, headDim]) as tf.Tensor4D;
  const v = project(ctx, x, layer, "v").reshape([batch, tokens, kvHeads, headDim]) as tf.Tensor4D;
  if (ctx.rotary) {
    q = applyRotary(q, ctx.rotary);
    k = applyRotary(k, ctx.rotary);
  }
  const queries = q.reshape([batch, tokens, kvHeads, groups, headDim]).transpose([0, 2, 3, 1, 4]) as tf.Tensor5D;
  let keys = k.transpose([0, 2, 1, 3]) as tf.Tensor4D;
  let values = v.transpose([0, 2, 1, 3]) as tf.Tensor4D;
  if (ctx.cache) ({ keys, values } = ctx.cache.append(layer, keys, values));
  const scaled = ctx.config.model_type === "llama" || ctx.config.scale_attn_weights;
  const out = groupedAttention(queries, keys, values, ctx.attentionBias, scaled ? 1 / Math.sqrt(headDim) : 1);
  const merged = out.transpose([0, 3, 1, 2, 4]).reshape([batch * tokens, heads * headDim]) as tf.Tensor2D;
  return project(ctx, merged, layer, "o");
}
