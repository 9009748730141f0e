import { describe, expect, it } from "vitest";
import { dimensions } from "./config";
import { ModelConfigError, parseModelConfig } from "./config-parse";

const gpt2 = { model_type: "gpt2", vocab_size: 50257, n_positions: 1024, n_embd: 768, n_layer: 12, n_head: 12 };
const llama = {
  model_type: "llama",
  vocab_size: 32000,
  hidden_size: 2048,
  intermediate_size: 5632,
  num_hidden_layers: 22,
  num_attention_heads: 32,
  num_key_value_heads: 4,
  max_position_embeddings: 2048,
};

describe("parseModelConfig", () => {
  it("fills GPT-2's defaults as Hugging Face does", () => {
    const config = parseModelConfig({
      ...gpt2,
      n_inner: null,
      eos_token_id: 50256,
      architectures: ["GPT2LMHeadModel"],
    });
    expect(config).toMatchObject({
      n_inner: 3072,
      activation_function: "gelu_new",
      layer_norm_epsilon: 1e-5,
      scale_attn_weights: true,
      tie_word_embeddings: true,
      eos_token_id: 50256,
    });
    expect(dimensions(config)).toMatchObject({ headDim: 64, kvHeads: 12, mlpSize: 3072, maxPositions: 1024 });
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it("fills Llama's defaults and keeps grouped-query heads", () => {
    const config = parseModelConfig({ ...llama, eos_token_id: [2, 3], rope_scaling: null });
    expect(config).toMatchObject({
      head_dim: 64,
      rms_norm_eps: 1e-6,
      rope_theta: 10000,
      rope_scaling: null,
      tie_word_embeddings: false,
      attention_bias: false,
      eos_token_id: [2, 3],
    });
    expect(dimensions(config)).toMatchObject({ heads: 32, kvHeads: 4, headDim: 64 });
    expect(parseModelConfig({ ...llama, num_key_value_heads: undefined })).toMatchObject({ num_key_value_heads: 32 });
  });

  it("reads llama3 and linear RoPE scaling, older configs' `type` included", () => {
    const llama3 = {
      rope_type: "llama3",
      factor: 32,
      low_freq_factor: 1,
      high_freq_factor: 4,
      original_max_position_embeddings: 8192,
    };
    expect(parseModelConfig({ ...llama, rope_scaling: llama3 })).toMatchObject({ rope_scaling: llama3 });
    expect(parseModelConfig({ ...llama, rope_scaling: { type: "linear", factor: 2 } })).toMatchObject({
      rope_scaling: { rope_type: "linear", factor: 2 },
    });
  });

  it.each([
    [{ model_type: "bert" }, /unsupported model_type "bert"/],
    [{ ...gpt2, n_head: 7 }, /n_embd \(768\) must be divisible by n_head \(7\)/],
    [{ ...gpt2, n_layer: undefined }, /gpt2 config.n_layer is required/],
    [{ ...gpt2, vocab_size: -3 }, /vocab_size must be a positive integer, got -3/],
    [{ ...gpt2, activation_function: "swish" }, /activation_function must be one of/],
    [{ ...gpt2, tie_word_embeddings: false }, /tie_word_embeddings must be true/],
    [{ ...gpt2, scale_attn_by_inverse_layer_idx: true }, /not supported/],
    [{ ...llama, num_key_value_heads: 5 }, /multiple of num_key_value_heads \(5\)/],
    [{ ...llama, hidden_size: 2050 }, /divisible by num_attention_heads/],
    [{ ...llama, head_dim: 63 }, /must be even/],
    [{ ...llama, hidden_act: "gelu" }, /hidden_act must be one of "silu"/],
    [{ ...llama, rope_scaling: { rope_type: "yarn", factor: 4 } }, /"yarn" is not supported/],
    [{ ...llama, rms_norm_eps: 0 }, /rms_norm_eps must be a positive number/],
    [{ ...llama, eos_token_id: [] }, /eos_token_id must be a token id/],
  ])("rejects %o", (raw, message) => {
    expect(() => parseModelConfig(raw)).toThrow(ModelConfigError);
    expect(() => parseModelConfig(raw)).toThrow(message);
  });

  it("rejects what is not an object", () => {
    expect(() => parseModelConfig([1])).toThrow(/JSON object/);
  });
});
