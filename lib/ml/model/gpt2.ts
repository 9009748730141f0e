import * as tf from "@tensorflow/tfjs";
import { geluErf, geluTanh } from "../kernels/activations";
import { addRow } from "../kernels/broadcast";
import { embedding } from "../kernels/embedding";
import { layerNorm } from "../kernels/norms";
import { selfAttention } from "./attention-block";
import type { Gpt2Config } from "./config";
import { type PassContext, project } from "./context";
import {
  FINAL_NORM_BIAS,
  FINAL_NORM_WEIGHT,
  normBias,
  normWeight,
  POSITION_EMBEDDING,
  TOKEN_EMBEDDING,
} from "./param-names";
import { requireParam } from "./params";
import type { PositionPlan } from "./positions";

/** Token plus learned position embeddings: ids [N] → [N, hidden]. */
function embed(ctx: PassContext<Gpt2Config>, ids: tf.Tensor1D, positions: PositionPlan): tf.Tensor2D {
  const table = requireParam<tf.Tensor2D>(ctx.params, TOKEN_EMBEDDING);
  const positionTable = requireParam<tf.Tensor2D>(ctx.params, POSITION_EMBEDDING);
  const hidden = ctx.dims.hiddenSize;
  const tokens = embedding(table, ids);
  const last = positions.ids.flat().reduce((a, b) => Math.max(a, b), 0);
  if (last >= ctx.dims.maxPositions) {
    throw new Error(`position ${last} is beyond GPT-2's ${ctx.dims.maxPositions} learned positions (n_positions)`);
  }
  if (positions.start !== undefined) {
    // Shared contiguous positions: one slice of the table, broadcast over the batch.
    const rows = tf.slice(positionTable, [positions.start, 0], [ctx.tokens, hidden]);
    return addRow(tokens.reshape([ctx.batch, ctx.tokens, hidden]), rows).reshape([-1, hidden]) as tf.Tensor2D;
  }
  const rows = embedding(positionTable, tf.tensor1d(positions.ids.flat(), "int32"));
  return tf.add(tokens, rows) as tf.Tensor2D;
}

function norm(ctx: PassContext<Gpt2Config>, x: tf.Tensor2D, weightName: string, biasName: string): tf.Tensor2D {
  const weight = requireParam<tf.Tensor1D>(ctx.params, weightName);
  const bias = requireParam<tf.Tensor1D>(ctx.params, biasName);
  return layerNorm(x, weight, bias, ctx.config.layer_norm_epsilon) as tf.Tensor2D;
}

/** One GPT-2 block (pre-norm): h + attn(ln_1(h)), then + mlp(ln_2(h)) with a GELU MLP. */
function block(ctx: PassContext<Gpt2Config>, h: tf.Tensor2D, layer: number): tf.Tensor2D {
  const attnNorm = norm(ctx, h, normWeight(layer, "attn_norm"), normBias(layer, "attn_norm"));
  const afterAttention = tf.add(h, selfAttention(ctx, attnNorm, layer)) as tf.Tensor2D;
  const mlpNorm = norm(ctx, afterAttention, normWeight(layer, "mlp_norm"), normBias(layer, "mlp_norm"));
  const activation = ctx.config.activation_function === "gelu" ? geluErf : geluTanh;
  const inner = activation(project(ctx, mlpNorm, layer, "fc")) as tf.Tensor2D;
  return tf.add(afterAttention, project(ctx, inner, layer, "proj")) as tf.Tensor2D;
}

/** GPT-2 from token ids [N] to the final LayerNorm's output [N, hidden]. */
export function gpt2Stack(ctx: PassContext<Gpt2Config>, ids: tf.Tensor1D, positions: PositionPlan): tf.Tensor2D {
  let h = embed(ctx, ids, positions);
  for (let layer = 0; layer < ctx.dims.layers; layer++) h = block(ctx, h, layer);
  return norm(ctx, h, FINAL_NORM_WEIGHT, FINAL_NORM_BIAS);
}
