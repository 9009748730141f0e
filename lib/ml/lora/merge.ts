import * as tf from "@tensorflow/tfjs";
import type { ModelParams, ReadonlyParams } from "../model/params";
import type { LoraAdapter } from "./adapter";
import { loraScale } from "./config";

const A_SUFFIX = ".lora_a";
const B_SUFFIX = ".lora_b";

/**
 * The base weights with the adapter folded in, W + (alpha/rank)·A·B, as new variables for export or
 * single-adapter serving; a classification head the adapter carries is included. Unchanged weights
 * share their buffers (tfjs tensors are immutable; each map owns its references), so this costs
 * memory only for the merged ones. Neither input is modified.
 */
export function mergeAdapter(params: ReadonlyParams, adapter: LoraAdapter): ModelParams {
  const merged: ModelParams = new Map();
  const scale = loraScale(adapter.config);
  // Variables outlive the tidy; the products and sums made inside it do not.
  tf.tidy(() => {
    for (const [name, tensor] of params) merged.set(name, tf.variable(tensor, true));
    for (const [name, tensor] of adapter.params) {
      if (name.endsWith(B_SUFFIX)) continue; // folded in with its A
      if (!name.endsWith(A_SUFFIX)) {
        replace(merged, name, tf.variable(tensor, true)); // a head the adapter trains
        continue;
      }
      const module = name.slice(0, -A_SUFFIX.length);
      const b = adapter.params.get(module + B_SUFFIX);
      const base = params.get(`${module}.weight`);
      if (!b || !base) throw new Error(`adapter weight ${name} has no matching ${B_SUFFIX} or base weight`);
      const delta = tf.mul(tf.matMul(tensor, b), scale);
      replace(merged, `${module}.weight`, tf.variable(tf.add(base, delta), true));
    }
  });
  return merged;
}

function replace(params: ModelParams, name: string, variable: tf.Variable): void {
  params.get(name)?.dispose();
  params.set(name, variable);
}
