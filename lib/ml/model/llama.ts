import * as tf from "@tensorflow/tfjs";
import { silu } from "../kernels/activations";
import { embedding } from "../kernels/embedding";
import { rmsNorm } from "../kernels/norms";
import { selfAttention } from "./attention-block";
import type { LlamaConfig } from "./config";
import { type PassContext, project } from "./context";
import { FINAL_NORM_WEIGHT, normWeight, TOKEN_EMBEDDING } from "./param-names";
import { requireParam } from "./params";

function norm(ctx: PassContext<LlamaConfig>, x: tf.Tensor2D, weightName: string): tf.Tensor2D {
  return rmsNorm(x, requireParam<tf.Tensor1D>(ctx.params, weightName), ctx.config.rms_norm_eps) as tf.Tensor2D;
}

/** One Llama block: h + attn(rms(h)), then + down(silu(gate(x)) · up(x)) on x = rms(h). */
function block(ctx: PassContext<LlamaConfig>, h: tf.Tensor2D, layer: number): tf.Tensor2D {
  const afterAttention = tf.add(
    h,
    selfAttention(ctx, norm(ctx, h, normWeight(layer, "attn_norm")), layer),
  ) as tf.Tensor2D;
  const x = norm(ctx, afterAttention, normWeight(layer, "mlp_norm"));
  const inner = tf.mul(silu(project(ctx, x, layer, "gate")), project(ctx, x, layer, "up")) as tf.Tensor2D;
  return tf.add(afterAttention, project(ctx, inner, layer, "down")) as tf.Tensor2D;
}

/** Llama from token ids [N] to the final RMSNorm's output [N, hidden]; positions enter through RoPE. */
export function llamaStack(ctx: PassContext<LlamaConfig>, ids: tf.Tensor1D): tf.Tensor2D {
  let h = embedding(requireParam<tf.Tensor2D>(ctx.params, TOKEN_EMBEDDING), ids) as tf.Tensor2D;
  for (let layer = 0; layer < ctx.dims.layers; layer++) h = block(ctx, h, layer);
  return norm(ctx, h, FINAL_NORM_WEIGHT);
}
