import type { Gpt2Activation, Gpt2Config, LlamaConfig, ModelConfig, RopeScaling, SpecialTokenIds } from "./config";

/** A config.json the engine cannot run, with the field at fault in the message. */
export class ModelConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelConfigError";
  }
}

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);

/** Typed reads of config fields; `undefined` and `null` count as absent, as in Hugging Face. */
class Fields {
  constructor(
    private readonly raw: Raw,
    private readonly where: string,
  ) {}

  private value(name: string): unknown {
    const value = this.raw[name];
    return value === null ? undefined : value;
  }

  private fail(name: string, expected: string): never {
    throw new ModelConfigError(`${this.where}.${name} must be ${expected}, got ${JSON.stringify(this.raw[name])}`);
  }

  has(name: string): boolean {
    return this.value(name) !== undefined;
  }

  positiveInt(name: string, fallback?: number): number {
    const value = this.value(name) ?? fallback;
    if (value === undefined) throw new ModelConfigError(`${this.where}.${name} is required`);
    if (!Number.isInteger(value) || (value as number) <= 0) this.fail(name, "a positive integer");
    return value as number;
  }

  positiveNumber(name: string, fallback?: number): number {
    const value = this.value(name) ?? fallback;
    if (value === undefined) throw new ModelConfigError(`${this.where}.${name} is required`);
    if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) this.fail(name, "a positive number");
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.value(name) ?? fallback;
    if (typeof value !== "boolean") this.fail(name, "true or false");
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.value(name) ?? fallback;
    if (!allowed.includes(value as T)) this.fail(name, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
    return value as T;
  }

  tokenIds(): SpecialTokenIds {
    const ids: SpecialTokenIds = {};
    for (const name of ["bos_token_id", "pad_token_id"] as const) {
      const value = this.value(name);
      if (value === undefined) continue;
      if (!Number.isInteger(value) || (value as number) < 0) this.fail(name, "a token id");
      ids[name] = value as number;
    }
    const eos = this.value("eos_token_id");
    if (eos !== undefined) {
      const list = Array.isArray(eos) ? eos : [eos];
      if (list.length === 0 || !list.every((id) => Number.isInteger(id) && id >= 0)) {
        this.fail("eos_token_id", "a token id or a list of them");
      }
      ids.eos_token_id = eos as number | number[];
    }
    return ids;
  }
}

function parseGpt2(raw: Raw): Gpt2Config {
  const f = new Fields(raw, "gpt2 config");
  const nEmbd = f.positiveInt("n_embd");
  const nHead = f.positiveInt("n_head");
  if (nEmbd % nHead !== 0) {
    throw new ModelConfigError(`gpt2 config.n_embd (${nEmbd}) must be divisible by n_head (${nHead})`);
  }
  if (f.boolean("scale_attn_by_inverse_layer_idx", false)) {
    throw new ModelConfigError("gpt2 config.scale_attn_by_inverse_layer_idx is not supported");
  }
  if (!f.boolean("tie_word_embeddings", true)) {
    throw new ModelConfigError("gpt2 config.tie_word_embeddings must be true: GPT-2's LM head is its token embedding");
  }
  const activations: readonly Gpt2Activation[] = ["gelu_new", "gelu_pytorch_tanh", "gelu"];
  return {
    model_type: "gpt2",
    vocab_size: f.positiveInt("vocab_size"),
    n_positions: f.positiveInt("n_positions"),
    n_embd: nEmbd,
    n_layer: f.positiveInt("n_layer"),
    n_head: nHead,
    n_inner: f.positiveInt("n_inner", 4 * nEmbd),
    activation_function: f.oneOf("activation_function", activations, "gelu_new"),
    layer_norm_epsilon: f.positiveNumber("layer_norm_epsilon", 1e-5),
    initializer_range: f.positiveNumber("initializer_range", 0.02),
    scale_attn_weights: f.boolean("scale_attn_weights", true),
    tie_word_embeddings: true,
    ...f.tokenIds(),
  };
}

function parseRopeScaling(value: unknown): RopeScaling | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) throw new ModelConfigError("llama config.rope_scaling must be an object or null");
  const f = new Fields(value, "llama config.rope_scaling");
  // Older configs name the kind "type".
  const kind = value.rope_type ?? value.type;
  if (kind === "default") return null;
  if (kind === "linear") return { rope_type: "linear", factor: f.positiveNumber("factor") };
  if (kind === "llama3") {
    return {
      rope_type: "llama3",
      factor: f.positiveNumber("factor"),
      low_freq_factor: f.positiveNumber("low_freq_factor"),
      high_freq_factor: f.positiveNumber("high_freq_factor"),
      original_max_position_embeddings: f.positiveInt("original_max_position_embeddings"),
    };
  }
  throw new ModelConfigError(
    `llama config.rope_scaling type ${JSON.stringify(kind)} is not supported (use "linear", "llama3" or none)`,
  );
}

function parseLlama(raw: Raw): LlamaConfig {
  const f = new Fields(raw, "llama config");
  const hidden = f.positiveInt("hidden_size");
  const heads = f.positiveInt("num_attention_heads");
  const kvHeads = f.positiveInt("num_key_value_heads", heads);
  if (heads % kvHeads !== 0) {
    throw new ModelConfigError(
      `llama config.num_attention_heads (${heads}) must be a multiple of num_key_value_heads (${kvHeads})`,
    );
  }
  if (!f.has("head_dim") && hidden % heads !== 0) {
    throw new ModelConfigError(
      `llama config.hidden_size (${hidden}) must be divisible by num_attention_heads (${heads}) unless head_dim is given`,
    );
  }
  const headDim = f.positiveInt("head_dim", hidden / heads);
  if (headDim % 2 !== 0) throw new ModelConfigError(`llama config head_dim (${headDim}) must be even for RoPE`);
  return {
    model_type: "llama",
    vocab_size: f.positiveInt("vocab_size"),
    hidden_size: hidden,
    intermediate_size: f.positiveInt("intermediate_size"),
    num_hidden_layers: f.positiveInt("num_hidden_layers"),
    num_attention_heads: heads,
    num_key_value_heads: kvHeads,
    head_dim: headDim,
    max_position_embeddings: f.positiveInt("max_position_embeddings"),
    rms_norm_eps: f.positiveNumber("rms_norm_eps", 1e-6),
    rope_theta: f.positiveNumber("rope_theta", 10000),
    rope_scaling: parseRopeScaling(raw.rope_scaling),
    hidden_act: f.oneOf("hidden_act", ["silu"] as const, "silu"),
    tie_word_embeddings: f.boolean("tie_word_embeddings", false),
    attention_bias: f.boolean("attention_bias", false),
    mlp_bias: f.boolean("mlp_bias", false),
    initializer_range: f.positiveNumber("initializer_range", 0.02),
    ...f.tokenIds(),
  };
}

/**
 * Validates a Hugging Face config.json object (parsed JSON) for a GPT-2 or Llama model and fills in
 * Hugging Face's defaults. Throws ModelConfigError naming the field at fault.
 */
export function parseModelConfig(raw: unknown): ModelConfig {
  if (!isRecord(raw)) throw new ModelConfigError("a model config must be a JSON object");
  if (raw.model_type === "gpt2") return parseGpt2(raw);
  if (raw.model_type === "llama") return parseLlama(raw);
  throw new ModelConfigError(`unsupported model_type ${JSON.stringify(raw.model_type)}: expected "gpt2" or "llama"`);
}
