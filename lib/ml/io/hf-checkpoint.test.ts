import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { relativeDifference } from "../kernels/test-helpers";
import type { ModelConfig } from "../model/config";
import { parseModelConfig } from "../model/config-parse";
import { forward } from "../model/forward";
import { parameterSpecs } from "../model/param-specs";
import { disposeParams, type ReadonlyParams } from "../model/params";
import { referenceLogits } from "../model/reference-model";
import { tokenRows } from "../model/test-configs";
import { tinyByteLevelBpe, writeTokenizerFolder } from "../tokenizers/testing";
import { CheckpointError, exportHfCheckpoint, importHfCheckpoint } from "./hf-checkpoint";
import { type SafetensorsDtype, type TensorInput, writeSafetensors } from "./safetensors";

/** Raw config.json objects, as Hugging Face writes them. */
const RAW_GPT2 = {
  architectures: ["GPT2LMHeadModel"],
  model_type: "gpt2",
  vocab_size: 40,
  n_positions: 24,
  n_embd: 16,
  n_layer: 2,
  n_head: 2,
};
const RAW_LLAMA = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  vocab_size: 40,
  hidden_size: 16,
  intermediate_size: 24,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  max_position_embeddings: 64,
  tie_word_embeddings: false,
};
const RAW_LLAMA_TIED_BIASED = { ...RAW_LLAMA, tie_word_embeddings: true, attention_bias: true, mlp_bias: true };

type HfTensors = Map<string, { shape: number[]; data: Float32Array }>;

let state = 12345;
/** Uniform values in [-0.5, 0.5) from a small deterministic generator (no tf: runs before the backend). */
function random(shape: number[]): { shape: number[]; data: Float32Array } {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    data[i] = state / 2 ** 32 - 0.5;
  }
  return { shape, data };
}

/** A random checkpoint in Hugging Face's names and layouts, written out by hand (not from the engine's table). */
function hfTensors(raw: Record<string, unknown>): HfTensors {
  const out: HfTensors = new Map();
  const add = (name: string, shape: number[]) => out.set(name, random(shape));
  if (raw.model_type === "gpt2") {
    const d = raw.n_embd as number;
    add("transformer.wte.weight", [raw.vocab_size as number, d]);
    add("transformer.wpe.weight", [raw.n_positions as number, d]);
    for (let i = 0; i < (raw.n_layer as number); i++) {
      const h = `transformer.h.${i}`;
      for (const ln of ["ln_1", "ln_2"]) {
        add(`${h}.${ln}.weight`, [d]);
        add(`${h}.${ln}.bias`, [d]);
      }
      add(`${h}.attn.c_attn.weight`, [d, 3 * d]);
      add(`${h}.attn.c_attn.bias`, [3 * d]);
      add(`${h}.attn.c_proj.weight`, [d, d]);
      add(`${h}.attn.c_proj.bias`, [d]);
      add(`${h}.mlp.c_fc.weight`, [d, 4 * d]);
      add(`${h}.mlp.c_fc.bias`, [4 * d]);
      add(`${h}.mlp.c_proj.weight`, [4 * d, d]);
      add(`${h}.mlp.c_proj.bias`, [d]);
      // A causal-mask buffer, as older transformers versions saved it: not a parameter.
      add(`${h}.attn.bias`, [1, 1, raw.n_positions as number, raw.n_positions as number]);
    }
    add("transformer.ln_f.weight", [d]);
    add("transformer.ln_f.bias", [d]);
    return out;
  }
  const d = raw.hidden_size as number;
  const heads = raw.num_attention_heads as number;
  const dh = d / heads;
  const kv = (raw.num_key_value_heads as number) * dh;
  const inter = raw.intermediate_size as number;
  add("model.embed_tokens.weight", [raw.vocab_size as number, d]);
  for (let i = 0; i < (raw.num_hidden_layers as number); i++) {
    const l = `model.layers.${i}`;
    add(`${l}.input_layernorm.weight`, [d]);
    add(`${l}.post_attention_layernorm.weight`, [d]);
    const linears: [string, number, number, boolean][] = [
      ["self_attn.q_proj", d, d, raw.attention_bias === true],
      ["self_attn.k_proj", kv, d, raw.attention_bias === true],
      ["self_attn.v_proj", kv, d, raw.attention_bias === true],
      ["self_attn.o_proj", d, d, raw.attention_bias === true],
      ["mlp.gate_proj", inter, d, raw.mlp_bias === true],
      ["mlp.up_proj", inter, d, raw.mlp_bias === true],
      ["mlp.down_proj", d, inter, raw.mlp_bias === true],
    ];
    for (const [name, outputs, inputs, bias] of linears) {
      add(`${l}.${name}.weight`, [outputs, inputs]);
      if (bias) add(`${l}.${name}.bias`, [outputs]);
    }
    add(`${l}.self_attn.rotary_emb.inv_freq`, [dh / 2]);
  }
  add("model.norm.weight", [d]);
  if (raw.tie_word_embeddings === false) add("lm_head.weight", [raw.vocab_size as number, d]);
  return out;
}

/** The reference model's parameters from raw HF tensors, mapped by hand as HF's modules compute. */
function referenceParams(config: ModelConfig, hf: HfTensors): Map<string, tf.Tensor> {
  const t = (name: string) => {
    const value = hf.get(name);
    if (!value) throw new Error(`test: no ${name}`);
    return tf.tensor(value.data, value.shape);
  };
  const out = new Map<string, tf.Tensor>();
  if (config.model_type === "gpt2") {
    out.set("embed.tokens", t("transformer.wte.weight"));
    out.set("embed.positions", t("transformer.wpe.weight"));
    for (let i = 0; i < config.n_layer; i++) {
      const h = `transformer.h.${i}`;
      const L = `layers.${i}`;
      for (const [ln, site] of [
        ["ln_1", "attn_norm"],
        ["ln_2", "mlp_norm"],
      ]) {
        out.set(`${L}.${site}.weight`, t(`${h}.${ln}.weight`));
        out.set(`${L}.${site}.bias`, t(`${h}.${ln}.bias`));
      }
      // Conv1D: y = x @ W + b with W [in, out]; c_attn's output is [q | k | v].
      const w = tf.split(t(`${h}.attn.c_attn.weight`), 3, 1);
      const b = tf.split(t(`${h}.attn.c_attn.bias`), 3, 0);
      ["q", "k", "v"].forEach((m, j) => {
        out.set(`${L}.attn.${m}.weight`, w[j] as tf.Tensor);
        out.set(`${L}.attn.${m}.bias`, b[j] as tf.Tensor);
      });
      for (const [hfName, ours] of [
        ["attn.c_proj", "attn.o"],
        ["mlp.c_fc", "mlp.fc"],
        ["mlp.c_proj", "mlp.proj"],
      ]) {
        out.set(`${L}.${ours}.weight`, t(`${h}.${hfName}.weight`));
        out.set(`${L}.${ours}.bias`, t(`${h}.${hfName}.bias`));
      }
    }
    out.set("final_norm.weight", t("transformer.ln_f.weight"));
    out.set("final_norm.bias", t("transformer.ln_f.bias"));
    return out;
  }
  out.set("embed.tokens", t("model.embed_tokens.weight"));
  for (let i = 0; i < config.num_hidden_layers; i++) {
    const l = `model.layers.${i}`;
    const L = `layers.${i}`;
    out.set(`${L}.attn_norm.weight`, t(`${l}.input_layernorm.weight`));
    out.set(`${L}.mlp_norm.weight`, t(`${l}.post_attention_layernorm.weight`));
    for (const m of ["q", "k", "v", "o", "gate", "up", "down"]) {
      const hfName = `${l}.${["q", "k", "v", "o"].includes(m) ? "self_attn" : "mlp"}.${m}_proj`;
      // nn.Linear: y = x @ Wᵀ + b with W [out, in].
      out.set(
        `${L}.${["q", "k", "v", "o"].includes(m) ? "attn" : "mlp"}.${m}.weight`,
        t(`${hfName}.weight`).transpose(),
      );
      if (hf.has(`${hfName}.bias`)) {
        out.set(`${L}.${["q", "k", "v", "o"].includes(m) ? "attn" : "mlp"}.${m}.bias`, t(`${hfName}.bias`));
      }
    }
  }
  out.set("final_norm.weight", t("model.norm.weight"));
  if (!config.tie_word_embeddings) out.set("lm_head.weight", t("lm_head.weight").transpose());
  return out;
}

async function writeCheckpoint(
  dir: string,
  raw: Record<string, unknown>,
  hf: HfTensors,
  dtype: SafetensorsDtype = "F32",
): Promise<void> {
  const inputs = new Map<string, TensorInput>([...hf].map(([name, t]) => [name, { dtype, ...t }]));
  await writeFile(path.join(dir, "config.json"), JSON.stringify(raw));
  await writeFile(path.join(dir, "model.safetensors"), writeSafetensors(inputs, { metadata: { format: "pt" } }));
}

const logitsOf = (params: ReadonlyParams, config: ModelConfig) =>
  forward(params, config, tf.tensor2d(tokenRows(2, 9, config.vocab_size), [2, 9], "int32"));

let root: string;
let counter = 0;
const freshDir = () => mkdtemp(path.join(root, `c${counter++}-`));

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  root = await mkdtemp(path.join(tmpdir(), "hf-checkpoint-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each([
  ["gpt2", RAW_GPT2],
  ["llama", RAW_LLAMA],
  ["llama (tied, biases)", RAW_LLAMA_TIED_BIASED],
] as [string, Record<string, unknown>][])("Hugging Face checkpoint (%s)", (_, raw) => {
  const config = parseModelConfig(raw);
  const hf = hfTensors(raw);

  it("imports with logits equal to the reference forward on the raw HF tensors", async () => {
    const dir = await freshDir();
    await writeCheckpoint(dir, raw, hf);
    const before = tf.memory().numTensors;
    const imported = await importHfCheckpoint(dir);
    expect(tf.memory().numTensors - before).toBe(imported.params.size);
    expect([...imported.params.keys()]).toEqual(parameterSpecs(config).map((s) => s.name));
    expect(imported.config).toEqual(config);
    expect(imported.tokenizer).toBeUndefined();
    const reference = referenceParams(config, hf);
    tf.tidy(() => {
      const tokens = tf.tensor2d(tokenRows(2, 9, config.vocab_size), [2, 9], "int32");
      expect(
        relativeDifference(logitsOf(imported.params, config), referenceLogits(reference, config, tokens)),
      ).toBeLessThanOrEqual(1e-5);
    });
    disposeParams(reference);
    disposeParams(imported.params);
  });

  it("export then import gives identical parameters and logits", async () => {
    const first = await freshDir();
    await writeCheckpoint(first, raw, hf);
    const imported = await importHfCheckpoint(first);
    const second = await freshDir();
    await exportHfCheckpoint(second, imported);
    const again = await importHfCheckpoint(second);
    expect(again.config).toEqual(imported.config);
    expect([...again.params.keys()]).toEqual([...imported.params.keys()]);
    for (const [name, tensor] of imported.params) {
      expect(Array.from(again.params.get(name)?.dataSync() ?? []), name).toEqual(Array.from(tensor.dataSync()));
    }
    tf.tidy(() => {
      expect(relativeDifference(logitsOf(again.params, config), logitsOf(imported.params, config))).toBe(0);
    });
    // The exported file holds exactly the HF names (buffers dropped).
    const names = [...hf.keys()].filter((n) => !/\.attn\.bias$|inv_freq$/.test(n)).sort();
    const written = JSON.parse(await readFile(path.join(second, "config.json"), "utf8"));
    expect(parseModelConfig(written)).toEqual(config);
    const { openSafetensors } = await import("./safetensors");
    const file = await openSafetensors(path.join(second, "model.safetensors"));
    expect([...file.names].sort()).toEqual(names);
    await file.close();
    disposeParams(imported.params);
    disposeParams(again.params);
  });

  it("imports F16 and BF16 checkpoints as float32", async () => {
    const exact = await freshDir();
    await writeCheckpoint(exact, raw, hf);
    const base = await importHfCheckpoint(exact);
    for (const [dtype, tolerance] of [
      ["F16", 1e-3],
      ["BF16", 1e-2],
    ] as const) {
      const dir = await freshDir();
      await writeCheckpoint(dir, raw, hf, dtype);
      const half = await importHfCheckpoint(dir);
      for (const [name, tensor] of base.params) {
        const other = half.params.get(name) as tf.Tensor;
        expect(other.dtype).toBe("float32");
        expect(relativeDifference(other, tensor), `${dtype} ${name}`).toBeLessThan(tolerance);
      }
      disposeParams(half.params);
    }
    disposeParams(base.params);
  });
});

describe("Hugging Face checkpoint errors and variants", () => {
  it("names a missing tensor", async () => {
    const hf = hfTensors(RAW_LLAMA);
    hf.delete("model.layers.1.self_attn.k_proj.weight");
    const dir = await freshDir();
    await writeCheckpoint(dir, RAW_LLAMA, hf);
    const before = tf.memory().numTensors;
    await expect(importHfCheckpoint(dir)).rejects.toThrow(
      new CheckpointError('checkpoint is missing tensor "model.layers.1.self_attn.k_proj.weight"'),
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it("names a misshaped tensor with both shapes", async () => {
    const hf = hfTensors(RAW_GPT2);
    hf.set("transformer.h.0.attn.c_attn.weight", random([16, 47]));
    const dir = await freshDir();
    await writeCheckpoint(dir, RAW_GPT2, hf);
    await expect(importHfCheckpoint(dir)).rejects.toThrow(
      'tensor "transformer.h.0.attn.c_attn.weight" has shape [16, 47], expected [16, 48]',
    );
  });

  it("refuses tensors that are not parameters of the family", async () => {
    const hf = hfTensors(RAW_LLAMA);
    hf.set("model.layers.0.mlp.extra.weight", random([2, 2]));
    const dir = await freshDir();
    await writeCheckpoint(dir, RAW_LLAMA, hf);
    await expect(importHfCheckpoint(dir)).rejects.toThrow("model.layers.0.mlp.extra.weight");
  });

  it("reads a sharded checkpoint and GPT-2 names without the transformer. prefix", async () => {
    const raw = RAW_GPT2;
    const hf = hfTensors(raw);
    const dir = await freshDir();
    await writeFile(path.join(dir, "config.json"), JSON.stringify(raw));
    const names = [...hf.keys()];
    const half = Math.floor(names.length / 2);
    const weightMap: Record<string, string> = {};
    for (const [shard, part] of [
      ["model-00001-of-00002.safetensors", names.slice(0, half)],
      ["model-00002-of-00002.safetensors", names.slice(half)],
    ] as const) {
      const tensors = new Map<string, TensorInput>();
      for (const name of part) {
        const bare = name.replace(/^transformer\./, "");
        tensors.set(bare, { dtype: "F32", ...(hf.get(name) as { shape: number[]; data: Float32Array }) });
        weightMap[bare] = shard;
      }
      await writeFile(path.join(dir, shard), writeSafetensors(tensors));
    }
    await writeFile(
      path.join(dir, "model.safetensors.index.json"),
      JSON.stringify({ metadata: {}, weight_map: weightMap }),
    );
    const imported = await importHfCheckpoint(dir);
    const single = await freshDir();
    await writeCheckpoint(single, raw, hf);
    const reference = await importHfCheckpoint(single);
    tf.tidy(() => {
      expect(
        relativeDifference(logitsOf(imported.params, imported.config), logitsOf(reference.params, reference.config)),
      ).toBe(0);
    });
    disposeParams(imported.params);
    disposeParams(reference.params);
  });

  it("loads tokenizer.json when present and copies it on export", async () => {
    const dir = await freshDir();
    await writeCheckpoint(dir, RAW_GPT2, hfTensors(RAW_GPT2));
    await writeTokenizerFolder(dir, tinyByteLevelBpe());
    const imported = await importHfCheckpoint(dir);
    expect(imported.tokenizer).toBeDefined();
    const ids = imported.tokenizer?.encode("hello world");
    const out = await freshDir();
    await exportHfCheckpoint(out, imported);
    const again = await importHfCheckpoint(out);
    expect(again.tokenizer?.encode("hello world")).toEqual(ids);
    disposeParams(imported.params);
    disposeParams(again.params);
  });

  it("export refuses a misshaped parameter", async () => {
    const dir = await freshDir();
    await writeCheckpoint(dir, RAW_LLAMA, hfTensors(RAW_LLAMA));
    const imported = await importHfCheckpoint(dir);
    const params = new Map<string, tf.Tensor>(imported.params);
    const wrong = tf.zeros([3, 3]);
    params.set("layers.0.mlp.up.weight", wrong);
    await expect(exportHfCheckpoint(await freshDir(), { config: imported.config, params })).rejects.toThrow(
      'parameter "layers.0.mlp.up.weight" has shape [3, 3], expected [16, 24]',
    );
    wrong.dispose();
    disposeParams(imported.params);
  });
});
