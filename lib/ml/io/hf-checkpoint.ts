/**
 * Hugging Face checkpoint folders (config.json, model.safetensors or a sharded
 * model.safetensors.index.json, tokenizer.json) for GPT-2 and Llama-family models, in and out.
 */
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { ModelConfig } from "../model/config";
import { parseModelConfig } from "../model/config-parse";
import { parameterSpecs } from "../model/param-specs";
import { disposeParams, type ModelParams, type ReadonlyParams } from "../model/params";
import { loadTokenizer } from "../tokenizers/load";
import type { Tokenizer } from "../tokenizers/types";
import { type HfTensorEntry, hfTensorEntries, isIgnoredHfTensor } from "./hf-checkpoint-names";
import { openSafetensors, type SafetensorsFile, saveSafetensors } from "./safetensors";
import { fromTfTensor, toTfTensor } from "./safetensors-tf";

/** A checkpoint that cannot be imported or exported, with the tensor or file at fault in the message. */
export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckpointError";
  }
}

/** An imported model: its parsed config, its weights in engine naming and layout, and its tokenizer. */
export interface HfCheckpoint {
  config: ModelConfig;
  params: ModelParams;
  /** Loaded from the folder's tokenizer.json; absent when the folder has none. */
  tokenizer?: Tokenizer;
}

/** What exportHfCheckpoint writes. */
export interface HfCheckpointExport {
  config: ModelConfig;
  params: ReadonlyParams;
  /** A Hugging Face tokenizer (spec type "huggingface"): its tokenizer files are copied. Others are not written. */
  tokenizer?: Tokenizer;
}

const exists = async (file: string) => {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
};

const shapeText = (shape: readonly number[]) => `[${shape.join(", ")}]`;

/** The HF shape of an entry, from the engine shapes of its parameters. */
function hfShape(entry: HfTensorEntry, shapes: ReadonlyMap<string, number[]>): number[] {
  const parts = entry.engine.map((name) => {
    const shape = shapes.get(name);
    if (!shape) throw new CheckpointError(`internal: no spec for ${name}`);
    return shape;
  });
  const first = parts[0] as number[];
  if (entry.transform === "transpose") return [...first].reverse();
  if (entry.transform === "copy") return first;
  const last = first.length - 1;
  return [...first.slice(0, last), parts.reduce((sum, s) => sum + (s[last] as number), 0)];
}

/** Opens model.safetensors, or the shards a model.safetensors.index.json lists; maps tensor name → file. */
async function openWeights(dir: string): Promise<{ files: SafetensorsFile[]; byName: Map<string, SafetensorsFile> }> {
  const single = path.join(dir, "model.safetensors");
  const index = path.join(dir, "model.safetensors.index.json");
  const files: SafetensorsFile[] = [];
  const byName = new Map<string, SafetensorsFile>();
  try {
    if (await exists(single)) {
      files.push(await openSafetensors(single));
    } else if (await exists(index)) {
      const parsed = JSON.parse(await readFile(index, "utf8")) as { weight_map?: Record<string, string> };
      if (!parsed.weight_map || typeof parsed.weight_map !== "object") {
        throw new CheckpointError(`${index} has no weight_map`);
      }
      for (const shard of new Set(Object.values(parsed.weight_map))) {
        files.push(await openSafetensors(path.join(dir, path.basename(shard))));
      }
    } else {
      throw new CheckpointError(`${dir} holds neither model.safetensors nor model.safetensors.index.json`);
    }
    for (const file of files) for (const name of file.names) byName.set(name, file);
    return { files, byName };
  } catch (error) {
    for (const file of files) await file.close();
    throw error;
  }
}

/** Splits or transposes an HF tensor into engine tensors (the input is disposed). */
function toEngine(entry: HfTensorEntry, tensor: tf.Tensor): tf.Tensor[] {
  if (entry.transform === "copy") return [tensor];
  const out = entry.transform === "transpose" ? [tf.transpose(tensor)] : tf.split(tensor, 3, tensor.rank - 1);
  tensor.dispose();
  return out;
}

/**
 * Imports a Hugging Face GPT-2 or Llama-family checkpoint folder: config.json, model.safetensors (or a
 * sharded model.safetensors.index.json) and, when present, tokenizer.json. F16/BF16 weights become
 * float32; nn.Linear weights are transposed to [in, out] and GPT-2's c_attn split into q, k, v.
 * Causal-mask buffers, rotary inv_freq and a tied lm_head are ignored. Throws CheckpointError naming
 * a missing, misshaped or unexpected tensor. The caller disposes `params`.
 */
export async function importHfCheckpoint(dir: string): Promise<HfCheckpoint> {
  const config = parseModelConfig(JSON.parse(await readFile(path.join(dir, "config.json"), "utf8")));
  const shapes = new Map(parameterSpecs(config).map((s) => [s.name, s.shape]));
  const entries = hfTensorEntries(config);
  const { files, byName } = await openWeights(dir);
  const params: ModelParams = new Map();
  try {
    // GPT-2 files saved from GPT2Model (not the LM head model) lack the `transformer.` prefix.
    const lookup = (name: string) =>
      byName.has(name) || config.model_type !== "gpt2" ? name : name.replace(/^transformer\./, "");
    const used = new Set<string>();
    for (const entry of entries) {
      const stored = lookup(entry.hf);
      const file = byName.get(stored);
      if (!file) throw new CheckpointError(`checkpoint is missing tensor "${entry.hf}"`);
      used.add(stored);
      const info = file.info(stored);
      const expected = hfShape(entry, shapes);
      if (shapeText(info.shape) !== shapeText(expected)) {
        throw new CheckpointError(
          `tensor "${entry.hf}" has shape ${shapeText(info.shape)}, expected ${shapeText(expected)} for this config`,
        );
      }
      if (!["F32", "F16", "BF16", "F64"].includes(info.dtype)) {
        throw new CheckpointError(`tensor "${entry.hf}" has dtype ${info.dtype}: expected a float type`);
      }
      const parts = toEngine(entry, toTfTensor(await file.read(stored), stored));
      entry.engine.forEach((name, i) => {
        const part = parts[i] as tf.Tensor;
        params.set(name, tf.variable(part, true));
        part.dispose();
      });
    }
    const unexpected = [...byName.keys()].filter((name) => !used.has(name) && !isIgnoredHfTensor(config, name));
    if (unexpected.length > 0) {
      throw new CheckpointError(
        `checkpoint holds tensors that are not ${config.model_type} parameters: ${unexpected.slice(0, 5).join(", ")}` +
          (unexpected.length > 5 ? ` and ${unexpected.length - 5} more` : ""),
      );
    }
  } catch (error) {
    disposeParams(params);
    throw error;
  } finally {
    for (const file of files) await file.close();
  }
  // In parameterSpecs order, as initParams gives them (the table covers every spec).
  const ordered: ModelParams = new Map();
  for (const name of shapes.keys()) {
    const variable = params.get(name);
    if (!variable) {
      disposeParams(params);
      throw new CheckpointError(`internal: no checkpoint tensor maps to "${name}"`);
    }
    ordered.set(name, variable);
  }
  const tokenizer = (await exists(path.join(dir, "tokenizer.json"))) ? await loadTokenizer(dir) : undefined;
  return tokenizer ? { config, params: ordered, tokenizer } : { config, params: ordered };
}

const TOKENIZER_FILES = ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"];

/**
 * Writes a Hugging Face checkpoint folder (created if needed): config.json and model.safetensors (F32,
 * HF names and layouts: the inverse of importHfCheckpoint, so a round trip is exact), plus the
 * tokenizer files of a Hugging Face tokenizer. Throws CheckpointError naming a missing or misshaped
 * parameter.
 */
export async function exportHfCheckpoint(dir: string, model: HfCheckpointExport): Promise<void> {
  const { config, params } = model;
  for (const spec of parameterSpecs(config)) {
    const tensor = params.get(spec.name);
    if (!tensor) throw new CheckpointError(`missing parameter "${spec.name}"`);
    if (shapeText(tensor.shape) !== shapeText(spec.shape)) {
      throw new CheckpointError(
        `parameter "${spec.name}" has shape ${shapeText(tensor.shape)}, expected ${shapeText(spec.shape)}`,
      );
    }
  }
  await mkdir(dir, { recursive: true });
  const tensors = new Map<string, Awaited<ReturnType<typeof fromTfTensor>>>();
  for (const entry of hfTensorEntries(config)) {
    const parts = entry.engine.map((name) => params.get(name) as tf.Tensor);
    const hf = tf.tidy(() => {
      if (entry.transform === "copy") return (parts[0] as tf.Tensor).clone();
      if (entry.transform === "transpose") return tf.transpose(parts[0] as tf.Tensor);
      return tf.concat(parts, (parts[0] as tf.Tensor).rank - 1);
    });
    try {
      tensors.set(entry.hf, await fromTfTensor(hf, { name: entry.hf }));
    } finally {
      hf.dispose();
    }
  }
  const architecture = config.model_type === "gpt2" ? "GPT2LMHeadModel" : "LlamaForCausalLM";
  const configJson = { architectures: [architecture], ...config, torch_dtype: "float32" };
  await writeFile(path.join(dir, "config.json"), `${JSON.stringify(configJson, null, 2)}\n`);
  await saveSafetensors(path.join(dir, "model.safetensors"), tensors, { metadata: { format: "pt" } });
  const spec = model.tokenizer?.spec;
  if (spec?.type === "huggingface") {
    for (const name of TOKENIZER_FILES) {
      const from = path.join(spec.path, name);
      if (path.resolve(from) !== path.resolve(dir, name) && (await exists(from))) {
        await copyFile(from, path.join(dir, name));
      }
    }
  }
}
