import * as tf from "@tensorflow/tfjs";
import { embedding } from "../kernels/embedding";
import { matMul } from "../kernels/matmul";
import type { ModelConfig } from "./config";
import { type ForwardOptions, hiddenStates } from "./forward";
import { CLASSIFIER } from "./param-names";
import type { ReadonlyParams } from "./params";

/** Options of classify: a forward pass over whole right-padded sequences. */
export interface ClassifyOptions extends Omit<ForwardOptions, "cache" | "positionOffset" | "lastPositionOnly"> {
  /** Padding id of right-padded rows; defaults to the config's pad_token_id. Without one, the last position is read. */
  padTokenId?: number;
}

/**
 * Index of each row's last non-padding token, as Hugging Face's *ForSequenceClassification picks it
 * (the rightmost position whose id is not the pad id; 0 for an all-padding row).
 */
export function lastTokenIndices(tokens: tf.Tensor2D, padTokenId: number | undefined): number[] {
  const [batch, length] = tokens.shape;
  if (padTokenId === undefined) return Array.from({ length: batch }, () => length - 1);
  const ids = tokens.dataSync();
  return Array.from({ length: batch }, (_, b) => {
    for (let t = length - 1; t >= 0; t--) if (ids[b * length + t] !== padTokenId) return t;
    return 0;
  });
}

/**
 * Sequence-classification logits [B, numLabels]: the final hidden state of each row's last real token
 * times `classifier.weight` [hidden, labels], taken from the adapter when it carries one, else from
 * the base parameters.
 */
export function classify(
  params: ReadonlyParams,
  config: ModelConfig,
  tokens: tf.Tensor2D,
  options: ClassifyOptions = {},
): tf.Tensor2D {
  const head = options.adapter?.params.get(CLASSIFIER) ?? params.get(CLASSIFIER);
  if (!head) throw new Error(`no "${CLASSIFIER}": create the adapter with numLabels, or add a head to the parameters`);
  const indices = lastTokenIndices(tokens, options.padTokenId ?? config.pad_token_id);
  return tf.tidy(() => {
    const hidden = hiddenStates(params, config, tokens, options);
    const [batch, length, width] = hidden.shape;
    const rows = tf.tensor1d(
      indices.map((t, b) => b * length + t),
      "int32",
    );
    // A lookup whose gradient scatters back into the hidden states (tf.gather has none on wasm).
    const pooled = embedding(hidden.reshape([batch * length, width]) as tf.Tensor2D, rows) as tf.Tensor2D;
    return matMul(pooled, head as tf.Tensor2D);
  });
}
