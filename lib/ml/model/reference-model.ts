/**
 * A straightforward plain-tf transcription of Hugging Face's GPT2LMHeadModel and LlamaForCausalLM
 * forward passes (repeat_kv, rotate_half by slicing, transposed matmuls, tf.moments LayerNorm), for
 * tests to check the engine's optimised forward against. Not used by the engine.
 */
import * as tf from "@tensorflow/tfjs";
import type { LoraAdapter } from "../lora/adapter";
import { loraScale } from "../lora/config";
import { dimensions, type ModelConfig } from "./config";
import { ropeInverseFrequencies } from "./rope";

type P = ReadonlyMap<string, tf.Tensor>;

function get(params: P, name: string): tf.Tensor {
  const tensor = params.get(name);
  if (!tensor) throw new Error(`reference: missing ${name}`);
  return tensor;
}

function dense(params: P, adapter: LoraAdapter | undefined, x: tf.Tensor, prefix: string): tf.Tensor {
  let y = tf.matMul(x, get(params, `${prefix}.weight`));
  const bias = params.get(`${prefix}.bias`);
  if (bias) y = y.add(bias);
  const a = adapter?.params.get(`${prefix}.lora_a`);
  const b = adapter?.params.get(`${prefix}.lora_b`);
  if (adapter && a && b) y = y.add(tf.matMul(tf.matMul(x, a), b).mul(loraScale(adapter.config)));
  return y;
}

function rotateHalf(x: tf.Tensor): tf.Tensor {
  const half = (x.shape[x.rank - 1] as number) / 2;
  const [x1, x2] = tf.split(x, [half, half], -1) as [tf.Tensor, tf.Tensor];
  return tf.concat([tf.neg(x2), x1], -1);
}

/** Reference logits [B, T, V] for tokens [B, T] starting at position 0. */
export function referenceLogits(params: P, config: ModelConfig, tokens: tf.Tensor2D, adapter?: LoraAdapter): tf.Tensor {
  const dims = dimensions(config);
  const [batch, length] = tokens.shape;
  const { hiddenSize: d, heads, kvHeads, headDim } = dims;
  const oneHot = tf.cast(tf.oneHot(tokens.reshape([-1]), dims.vocabSize), "float32");
  let h = tf.matMul(oneHot, get(params, "embed.tokens"));
  const norm = (x: tf.Tensor, prefix: string) => {
    if (config.model_type === "gpt2") {
      const { mean, variance } = tf.moments(x, -1, true);
      const normed = x.sub(mean).div(variance.add(config.layer_norm_epsilon).sqrt());
      return normed.mul(get(params, `${prefix}.weight`)).add(get(params, `${prefix}.bias`));
    }
    const normed = x.mul(tf.rsqrt(x.square().mean(-1, true).add(config.rms_norm_eps)));
    return normed.mul(get(params, `${prefix}.weight`));
  };
  if (config.model_type === "gpt2") {
    const positions = tf.slice(get(params, "embed.positions"), [0, 0], [length, d]);
    h = h.reshape([batch, length, d]).add(positions).reshape([-1, d]);
  }
  let cos: tf.Tensor | undefined;
  let sin: tf.Tensor | undefined;
  if (config.model_type === "llama") {
    const inverse = tf.tensor1d(ropeInverseFrequencies(config));
    const freqs = tf.outerProduct(tf.range(0, length, 1, "float32"), inverse);
    const emb = tf.concat([freqs, freqs], -1);
    cos = emb.cos();
    sin = emb.sin();
  }
  const causal = tf.linalg
    .bandPart(tf.ones([length, length]), -1, 0)
    .sub(1)
    .mul(1e9);
  for (let i = 0; i < dims.layers; i++) {
    const x = norm(h, `layers.${i}.attn_norm`);
    const split = (t: tf.Tensor, n: number) => t.reshape([batch, length, n, headDim]).transpose([0, 2, 1, 3]);
    let q = split(dense(params, adapter, x, `layers.${i}.attn.q`), heads);
    let k = split(dense(params, adapter, x, `layers.${i}.attn.k`), kvHeads);
    let v = split(dense(params, adapter, x, `layers.${i}.attn.v`), kvHeads);
    if (cos && sin) {
      q = q.mul(cos).add(rotateHalf(q).mul(sin));
      k = k.mul(cos).add(rotateHalf(k).mul(sin));
    }
    const repeat = (t: tf.Tensor) =>
      tf
        .tile(t.reshape([batch, kvHeads, 1, length * headDim]), [1, 1, heads / kvHeads, 1])
        .reshape([batch, heads, length, headDim]);
    k = repeat(k);
    v = repeat(v);
    const scale = config.model_type === "gpt2" && !config.scale_attn_weights ? 1 : 1 / Math.sqrt(headDim);
    const probs = tf.softmax(tf.matMul(q, k, false, true).mul(scale).add(causal));
    const attended = tf
      .matMul(probs, v)
      .transpose([0, 2, 1, 3])
      .reshape([-1, heads * headDim]);
    h = h.add(dense(params, adapter, attended, `layers.${i}.attn.o`));
    const m = norm(h, `layers.${i}.mlp_norm`);
    if (config.model_type === "gpt2") {
      const c = Math.sqrt(2 / Math.PI);
      const u = dense(params, adapter, m, `layers.${i}.mlp.fc`);
      const gelu = u.mul(0.5).mul(tf.tanh(u.add(u.pow(3).mul(0.044715)).mul(c)).add(1));
      h = h.add(dense(params, adapter, gelu, `layers.${i}.mlp.proj`));
    } else {
      const gate = dense(params, adapter, m, `layers.${i}.mlp.gate`);
      const up = dense(params, adapter, m, `layers.${i}.mlp.up`);
      h = h.add(dense(params, adapter, gate.mul(tf.sigmoid(gate)).mul(up), `layers.${i}.mlp.down`));
    }
  }
  h = norm(h, "final_norm");
  const head = dims.tiedEmbeddings ? tf.transpose(get(params, "embed.tokens")) : get(params, "lm_head.weight");
  return tf.matMul(h, head).reshape([batch, length, dims.vocabSize]);
}
