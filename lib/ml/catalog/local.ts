/**
 * Local checkpoints: Hugging Face folders (GPT-2 or Llama family) dropped into a checkpoints root, one
 * subfolder each, usable as base models under the id `local/<folder name>`. Inspecting a folder reads only
 * config.json, the safetensors header(s) and small JSON files (never the weights), synchronously, so it can
 * run inside a schema check; each folder is either a usable model or a problem in plain words.
 * The root is a parameter: lib/ml reads no app environment.
 */
import { closeSync, type Dirent, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { type HfTensorEntry, hfTensorEntries, isIgnoredHfTensor } from "../io/hf-checkpoint-names";
import { parseHeader, readHeaderLength, type SafetensorsTensorInfo } from "../io/safetensors-header";
import { dimensions, type ModelConfig } from "../model/config";
import { parseModelConfig } from "../model/config-parse";
import { parameterSpecs } from "../model/param-specs";
import type { CatalogFamily, CatalogLicense } from "./types";

/** Ids of local checkpoints start with this. */
export const LOCAL_ID_PREFIX = "local/";

/** Folder names that make a local id: a letter or digit, then letters, digits, ".", "_" or "-"; 64 at most. */
export const LOCAL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The rule LOCAL_NAME_PATTERN enforces, in words. */
export const LOCAL_NAME_RULE =
  'use 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit (no spaces or slashes)';

/** The licence of a checkpoint whose folder names none. */
export const UNKNOWN_LICENSE: CatalogLicense = {
  spdx: "unknown",
  name: "unknown — see the folder's README",
  url: "",
};

/** Vocabulary sizes of the engine's built-in tokenizers (used when a folder has no tokenizer.json). */
export const BUILTIN_TOKENIZER_VOCAB = { byte: 259, gpt2: 50257 } as const;

/** How a local checkpoint tokenizes: the folder's own tokenizer.json, or a built-in tokenizer by name. */
export type LocalTokenizer = "huggingface" | keyof typeof BUILTIN_TOKENIZER_VOCAB;

/** A usable local checkpoint, described from its files. */
export interface LocalCheckpoint {
  /** `local/<name>`. */
  id: string;
  /** The folder's name under the root. */
  name: string;
  /** Absolute path of the folder. */
  folder: string;
  title: string;
  description: string;
  family: CatalogFamily;
  tokenizer: LocalTokenizer;
  vocabSize: number;
  /** config.json's n_positions (GPT-2) or max_position_embeddings (Llama). */
  contextLength: number;
  /** Number of weights (tied embeddings counted once). */
  parameters: number;
  shape: { layers: number; hidden: number; heads: number };
  license: CatalogLicense;
}

/** A subfolder of the root that cannot be used, and why. */
export interface LocalCheckpointProblem {
  /** `local/<name>` when the name is a valid one. */
  id: string | null;
  name: string;
  folder: string;
  problem: string;
}

/** What a scan of the root finds, each list in folder-name order. */
export interface LocalCheckpointScan {
  models: LocalCheckpoint[];
  problems: LocalCheckpointProblem[];
}

/** A folder that is not a usable checkpoint; the message says why in plain words. */
export class LocalCheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LocalCheckpointError";
  }
}

/** The folder name of a `local/<name>` id, or null when `id` is not one (or the name is not allowed). */
export function localCheckpointName(id: string): string | null {
  if (!id.startsWith(LOCAL_ID_PREFIX)) return null;
  const name = id.slice(LOCAL_ID_PREFIX.length);
  return LOCAL_NAME_PATTERN.test(name) ? name : null;
}

const fail = (message: string): never => {
  throw new LocalCheckpointError(message);
};

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function readJson(file: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return fail(`${label} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`${label} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The tensors of one safetensors file, from its header only. */
function readHeaderTensors(file: string, label: string): SafetensorsTensorInfo[] {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    return fail(`${label} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const size = statSync(file).size;
    const prefix = new Uint8Array(8);
    readSync(fd, prefix, 0, Math.min(8, size), 0);
    const length = readHeaderLength(prefix, size);
    const header = new Uint8Array(length);
    readSync(fd, header, 0, length, 8);
    return parseHeader(header, size).tensors;
  } catch (error) {
    if (error instanceof LocalCheckpointError) throw error;
    return fail(`${label} is not a valid safetensors file: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/** Every tensor the folder's weights hold (model.safetensors, or the shards of model.safetensors.index.json). */
function weightTensors(folder: string): Map<string, SafetensorsTensorInfo> {
  const single = path.join(folder, "model.safetensors");
  const index = path.join(folder, "model.safetensors.index.json");
  const tensors = new Map<string, SafetensorsTensorInfo>();
  if (isFile(single)) {
    for (const info of readHeaderTensors(single, "model.safetensors")) tensors.set(info.name, info);
    return tensors;
  }
  if (!isFile(index)) {
    return fail("no weights: the folder holds neither model.safetensors nor model.safetensors.index.json");
  }
  const parsed = readJson(index, "model.safetensors.index.json");
  const map = isRecord(parsed) ? parsed.weight_map : undefined;
  if (!isRecord(map) || !Object.values(map).every((v) => typeof v === "string")) {
    return fail("model.safetensors.index.json has no weight_map of tensor names to shard files");
  }
  for (const shard of new Set(Object.values(map) as string[])) {
    const file = path.join(folder, path.basename(shard));
    if (!isFile(file)) fail(`weight shard ${path.basename(shard)} named in model.safetensors.index.json is missing`);
    for (const info of readHeaderTensors(file, path.basename(shard))) tensors.set(info.name, info);
  }
  return tensors;
}

const shapeText = (shape: readonly number[]) => `[${shape.join(", ")}]`;

/** The HF shape of an entry, from the engine shapes of its parameters (as importHfCheckpoint checks it). */
function hfShape(entry: HfTensorEntry, shapes: ReadonlyMap<string, number[]>): number[] {
  const parts = entry.engine.map((name) => shapes.get(name) ?? fail(`internal: no parameter spec for ${name}`));
  const first = parts[0] as number[];
  if (entry.transform === "transpose") return [...first].reverse();
  if (entry.transform === "copy") return first;
  const last = first.length - 1;
  return [...first.slice(0, last), parts.reduce((sum, s) => sum + (s[last] as number), 0)];
}

/** Checks the header's tensor names, shapes and dtypes against what the config implies. */
function checkTensors(config: ModelConfig, tensors: ReadonlyMap<string, SafetensorsTensorInfo>): void {
  const shapes = new Map(parameterSpecs(config).map((s) => [s.name, s.shape]));
  const used = new Set<string>();
  for (const entry of hfTensorEntries(config)) {
    // GPT-2 files saved from GPT2Model (not the LM head model) lack the `transformer.` prefix.
    const stored =
      tensors.has(entry.hf) || config.model_type !== "gpt2" ? entry.hf : entry.hf.replace(/^transformer\./, "");
    const info = tensors.get(stored);
    if (!info) fail(`the weights lack tensor "${entry.hf}" that this ${config.model_type} config needs`);
    const found = info as SafetensorsTensorInfo;
    used.add(stored);
    const expected = hfShape(entry, shapes);
    if (shapeText(found.shape) !== shapeText(expected)) {
      fail(
        `tensor "${entry.hf}" has shape ${shapeText(found.shape)} but config.json implies ${shapeText(expected)}: ` +
          "the weights do not match the config",
      );
    }
    if (!["F32", "F16", "BF16", "F64"].includes(found.dtype)) {
      fail(`tensor "${entry.hf}" is ${found.dtype}: expected a float type (F32, F16, BF16 or F64)`);
    }
  }
  const unexpected = [...tensors.keys()].filter((name) => !used.has(name) && !isIgnoredHfTensor(config, name));
  if (unexpected.length > 0) {
    fail(
      `the weights hold tensors that are not ${config.model_type} parameters: ${unexpected.slice(0, 3).join(", ")}` +
        (unexpected.length > 3 ? ` and ${unexpected.length - 3} more` : ""),
    );
  }
}

/** The optional modelfactory.json beside the weights: tokenizer name, title, description, licence. */
interface FolderInfo {
  tokenizer?: keyof typeof BUILTIN_TOKENIZER_VOCAB;
  title?: string;
  description?: string;
  license?: CatalogLicense;
}

function readFolderInfo(folder: string): FolderInfo {
  const file = path.join(folder, "modelfactory.json");
  if (!isFile(file)) return {};
  const raw = readJson(file, "modelfactory.json");
  if (!isRecord(raw)) return fail("modelfactory.json must be a JSON object");
  const info: FolderInfo = {};
  if (raw.tokenizer !== undefined) {
    if (raw.tokenizer !== "byte" && raw.tokenizer !== "gpt2") {
      fail(`modelfactory.json names tokenizer ${JSON.stringify(raw.tokenizer)}: expected "byte" or "gpt2"`);
    }
    info.tokenizer = raw.tokenizer as FolderInfo["tokenizer"];
  }
  for (const field of ["title", "description"] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== "string" || value.trim() === "") fail(`modelfactory.json's ${field} must be non-empty text`);
    info[field] = (value as string).trim();
  }
  if (raw.license !== undefined) {
    const license = raw.license;
    const text = (key: string) => (isRecord(license) && typeof license[key] === "string" ? license[key].trim() : "");
    if (!isRecord(license) || !text("spdx")) {
      fail('modelfactory.json\'s license must be an object with at least "spdx" (and optionally "name", "url")');
    }
    info.license = { spdx: text("spdx"), name: text("name") || text("spdx"), url: text("url") };
  }
  return info;
}

/** Which tokenizer the model uses: tokenizer.json, else modelfactory.json's name, else one its vocab size fits. */
function chooseTokenizer(folder: string, config: ModelConfig, named: FolderInfo["tokenizer"]): LocalTokenizer {
  if (isFile(path.join(folder, "tokenizer.json"))) return "huggingface";
  const vocab = config.vocab_size;
  if (named) {
    if (BUILTIN_TOKENIZER_VOCAB[named] > vocab) {
      fail(
        `modelfactory.json names the ${named} tokenizer (${BUILTIN_TOKENIZER_VOCAB[named]} tokens), ` +
          `but config.json's vocab_size is only ${vocab}`,
      );
    }
    return named;
  }
  const byVocab = (Object.keys(BUILTIN_TOKENIZER_VOCAB) as (keyof typeof BUILTIN_TOKENIZER_VOCAB)[]).find(
    (name) => BUILTIN_TOKENIZER_VOCAB[name] === vocab,
  );
  return (
    byVocab ??
    fail(
      `no tokenizer: the folder has no tokenizer.json and vocab_size ${vocab} matches no built-in tokenizer ` +
        `(byte: ${BUILTIN_TOKENIZER_VOCAB.byte}, gpt2: ${BUILTIN_TOKENIZER_VOCAB.gpt2}); add the model's tokenizer.json ` +
        'or name one in modelfactory.json ({"tokenizer": "byte"})',
    )
  );
}

const ARCHITECTURE_NAME: Record<CatalogFamily, string> = { gpt2: "GPT-2", llama: "Llama" };

/**
 * Describes the checkpoint in `folder` (its name becomes the id `local/<name>`), reading only config.json, the
 * safetensors header(s), modelfactory.json and which tokenizer files exist. Throws LocalCheckpointError saying
 * in plain words what is wrong.
 */
export function inspectLocalCheckpoint(folder: string, name = path.basename(folder)): LocalCheckpoint {
  if (!LOCAL_NAME_PATTERN.test(name))
    fail(`the folder name "${name}" cannot be used as a model id: ${LOCAL_NAME_RULE}`);
  const configFile = path.join(folder, "config.json");
  if (!isFile(configFile)) fail("missing config.json (the Hugging Face model config)");
  const raw = readJson(configFile, "config.json");
  if (isRecord(raw) && raw.model_type !== "gpt2" && raw.model_type !== "llama") {
    fail(
      `unsupported model_type ${JSON.stringify(raw.model_type ?? null)} in config.json: only GPT-2 ("gpt2") and ` +
        'Llama ("llama") family models can be fine-tuned here',
    );
  }
  let config: ModelConfig;
  try {
    config = parseModelConfig(raw);
  } catch (error) {
    return fail(`config.json cannot be used: ${(error as Error).message}`);
  }
  checkTensors(config, weightTensors(folder));
  const info = readFolderInfo(folder);
  const tokenizer = chooseTokenizer(folder, config, info.tokenizer);
  const dims = dimensions(config);
  const parameters = parameterSpecs(config).reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1), 0);
  const family = config.model_type;
  return {
    id: `${LOCAL_ID_PREFIX}${name}`,
    name,
    folder: path.resolve(folder),
    title: info.title ?? name,
    description:
      info.description ??
      `A ${ARCHITECTURE_NAME[family]}-family checkpoint imported from a local folder (${dims.layers} layers, ` +
        `hidden size ${dims.hiddenSize}).`,
    family,
    tokenizer,
    vocabSize: dims.vocabSize,
    contextLength: dims.maxPositions,
    parameters,
    shape: { layers: dims.layers, hidden: dims.hiddenSize, heads: dims.heads },
    license: info.license ?? UNKNOWN_LICENSE,
  };
}

/**
 * Every subfolder of `root` as a usable local checkpoint or a problem. A missing root is an empty scan; files and
 * hidden entries (names starting with ".", such as an import in progress) are skipped.
 */
export function scanLocalCheckpoints(root: string): LocalCheckpointScan {
  const scan: LocalCheckpointScan = { models: [], problems: [] };
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return scan;
  }
  const names = entries
    .filter((entry) => !entry.name.startsWith("."))
    .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path.join(root, entry.name))))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const folder = path.resolve(root, name);
    try {
      scan.models.push(inspectLocalCheckpoint(folder, name));
    } catch (error) {
      scan.problems.push({
        id: LOCAL_NAME_PATTERN.test(name) ? `${LOCAL_ID_PREFIX}${name}` : null,
        name,
        folder,
        problem: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return scan;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
