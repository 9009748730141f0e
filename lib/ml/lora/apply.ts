import * as tf from "@tensorflow/tfjs";
import { dropout } from "../kernels/dropout";
import { matMul } from "../kernels/matmul";
import { mixSeeds } from "../kernels/random";
import { loraA, loraB, type ProjectionModule } from "../model/param-names";
import type { LoraAdapter } from "./adapter";
import { loraScale } from "./config";

/** How the adapter path runs in this pass. */
export interface LoraRun {
  /** Dropout is active only in training. */
  training: boolean;
  /** Seed of this pass's dropout masks (each layer and module draws its own from it). */
  seed: number;
}

const MODULE_SEEDS: Record<ProjectionModule, number> = {
  q: 1,
  k: 2,
  v: 3,
  o: 4,
  fc: 5,
  proj: 6,
  gate: 7,
  up: 8,
  down: 9,
};

/**
 * The adapter's contribution (alpha/rank) · dropout(x) @ A @ B for a projection, or undefined where
 * the adapter does not target it. The scale multiplies B ([rank, out], the smallest operand).
 */
export function loraDelta(
  adapter: LoraAdapter,
  x: tf.Tensor2D,
  layer: number,
  module: ProjectionModule,
  run: LoraRun,
): tf.Tensor2D | undefined {
  const a = adapter.params.get(loraA(layer, module));
  const b = adapter.params.get(loraB(layer, module));
  if (!a || !b) return undefined;
  const rate = adapter.config.dropout;
  const input =
    run.training && rate > 0 ? (dropout(x, rate, mixSeeds(run.seed, layer, MODULE_SEEDS[module])) as tf.Tensor2D) : x;
  return matMul(matMul(input, a as tf.Tensor2D), tf.mul(b, loraScale(adapter.config)) as tf.Tensor2D);
}
