import * as tf from "@tensorflow/tfjs";
import { matMul, matMulTransposed } from "../kernels/matmul";
import type { LoraAdapter } from "../lora/adapter";
import { dimensions, type ModelConfig } from "./config";
import { gpt2Stack } from "./gpt2";
import type { KvCache } from "./kv-cache";
import { llamaStack } from "./llama";
import { LM_HEAD, TOKEN_EMBEDDING } from "./param-names";
import { type ReadonlyParams, requireParam } from "./params";
import { planPositions } from "./positions";
import { rotary } from "./rope";

/** Options of forward, hiddenStates and classify. */
export interface ForwardOptions {
  /** A LoRA adapter applied on top of the base weights, unmerged; the base weights are never changed. */
  adapter?: LoraAdapter;
  /** Training mode: turns LoRA dropout on. */
  training?: boolean;
  /** Seed of this pass's dropout masks; vary it per step. Required in training with LoRA dropout. */
  seed?: number;
  /** Incremental decoding: `tokens` are the next ones after those cached; the cache grows by them. */
  cache?: KvCache;
  /** Position of tokens[:, 0]; defaults to the cache length (0 without a cache). */
  positionOffset?: number;
  /**
   * [B, cached + T], 1 for real tokens and 0 for padding (left-padded batches): padded keys are
   * masked and positions count real tokens only, as Hugging Face does. Overrides positionOffset.
   */
  attentionMask?: tf.Tensor2D;
  /** Only the last position's logits, [B, 1, V] (a generation prefill needs no others). */
  lastPositionOnly?: boolean;
}

function checkTokens(tokens: tf.Tensor2D, config: ModelConfig): void {
  if (tokens.rank !== 2 || tokens.dtype !== "int32") {
    throw new Error(`tokens must be an int32 tensor [batch, length], got ${tokens.dtype} [${tokens.shape}]`);
  }
  if (tokens.shape[1] === 0) throw new Error("tokens must hold at least one position");
  if (config.model_type !== "gpt2" && config.model_type !== "llama") {
    throw new Error(`unsupported model_type ${JSON.stringify((config as { model_type?: unknown }).model_type)}`);
  }
}

/**
 * The transformer's output after the final norm, [B, T, hidden], for int32 tokens [B, T] (what the LM
 * and classification heads read).
 */
export function hiddenStates(
  params: ReadonlyParams,
  config: ModelConfig,
  tokens: tf.Tensor2D,
  options: ForwardOptions = {},
): tf.Tensor3D {
  checkTokens(tokens, config);
  const { adapter, cache } = options;
  const training = options.training ?? false;
  if (training && adapter && adapter.config.dropout > 0 && options.seed === undefined) {
    throw new Error("training with LoRA dropout needs a seed (vary it per step)");
  }
  const [batch, length] = tokens.shape;
  const dims = dimensions(config);
  const past = cache?.length ?? 0;
  return tf.tidy(() => {
    const plan = planPositions(batch, length, past, options.positionOffset ?? past, options.attentionMask);
    const common = {
      params,
      dims,
      adapter,
      lora: { training, seed: options.seed ?? 0 },
      batch,
      tokens: length,
      attentionBias: tf.tensor(plan.bias.values, plan.bias.shape),
      cache,
    };
    const ids = tokens.reshape([-1]) as tf.Tensor1D;
    const h =
      config.model_type === "gpt2"
        ? gpt2Stack({ ...common, config }, ids, plan)
        : llamaStack({ ...common, config, rotary: rotary(config, plan.ids) }, ids);
    cache?.advance(length);
    return h.reshape([batch, length, dims.hiddenSize]) as tf.Tensor3D;
  });
}

/** Logits [N, vocab] of hidden states [N, hidden]: times lm_head.weight, or the token embedding's transpose when tied. */
function lmHead(params: ReadonlyParams, config: ModelConfig, hidden: tf.Tensor2D): tf.Tensor2D {
  if (dimensions(config).tiedEmbeddings)
    return matMulTransposed(hidden, requireParam<tf.Tensor2D>(params, TOKEN_EMBEDDING));
  return matMul(hidden, requireParam<tf.Tensor2D>(params, LM_HEAD));
}

/**
 * Next-token logits [B, T, vocab] for int32 tokens [B, T] (or [B, 1, vocab] with lastPositionOnly).
 * Run it inside tf.variableGrads / tf.tidy for training; the returned tensor is the caller's.
 */
export function forward(
  params: ReadonlyParams,
  config: ModelConfig,
  tokens: tf.Tensor2D,
  options: ForwardOptions = {},
): tf.Tensor3D {
  return tf.tidy(() => {
    const hidden = hiddenStates(params, config, tokens, options);
    const [batch, length, width] = hidden.shape;
    const positions = options.lastPositionOnly ? 1 : length;
    const read = options.lastPositionOnly ? tf.slice(hidden, [0, length - 1, 0], [batch, 1, width]) : hidden;
    const logits = lmHead(params, config, read.reshape([batch * positions, width]) as tf.Tensor2D);
    return logits.reshape([batch, positions, dimensions(config).vocabSize]) as tf.Tensor3D;
  });
}
