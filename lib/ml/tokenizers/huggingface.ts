import { readFile } from "node:fs/promises";
import path from "node:path";
import { Tokenizer as HfTokenizer } from "@huggingface/tokenizers";
import type { DecodeOptions, Tokenizer } from "./types";
import { checkTokenId } from "./utf8";

type Json = Record<string, unknown>;

/** The JSON files of a Hugging Face tokenizer folder, already parsed. */
export interface HuggingFaceTokenizerFiles {
  /** tokenizer.json (required). */
  tokenizer: Json;
  /** tokenizer_config.json (optional). */
  config?: Json;
  /** special_tokens_map.json (optional; used for BOS/EOS/PAD/UNK the config does not name). */
  specialTokensMap?: Json;
}

const ROLES = ["bos_token", "eos_token", "pad_token", "unk_token"] as const;

/** A token field is a string or, in older configs, an AddedToken object `{ content, … }`. */
function tokenText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as Json).content === "string") {
    return (value as Json).content as string;
  }
  return undefined;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Builds a tokenizer from a parsed tokenizer.json (+ tokenizer_config.json) with @huggingface/tokenizers
 * (BPE, WordPiece and Unigram models; no WordLevel). `encode` adds no special tokens; BOS/EOS/PAD/UNK come
 * from the config (or special_tokens_map.json); `addBos` from `add_bos_token`, else from whether the
 * tokenizer's post-processor prepends BOS.
 */
export function createHuggingFaceTokenizer(
  files: HuggingFaceTokenizerFiles,
  options: { name?: string; path?: string } = {},
): Tokenizer {
  if (!isObject(files.tokenizer) || !isObject(files.tokenizer.model)) {
    throw new Error('tokenizer.json must be an object with a "model"');
  }
  const config: Json = { ...(files.config ?? {}) };
  for (const role of ROLES) {
    // tokenizers.js expects plain strings here; older configs store AddedToken objects.
    const text = tokenText(config[role]) ?? tokenText(files.specialTokensMap?.[role]);
    if (text === undefined) delete config[role];
    else config[role] = text;
  }
  const json: Json = { added_tokens: [], normalizer: null, pre_tokenizer: null, post_processor: null, decoder: null };
  Object.assign(json, files.tokenizer);
  if (!Array.isArray(json.added_tokens)) json.added_tokens = [];
  const hf = new HfTokenizer(json, config);

  let vocabSize = 0;
  for (const id of hf.get_vocab(true).values()) vocabSize = Math.max(vocabSize, id + 1);
  const specialTokens: Record<string, number> = {};
  for (const [id, token] of hf.get_added_tokens_decoder()) if (token.special) specialTokens[token.content] = id;
  const idOf = (role: (typeof ROLES)[number]): number | undefined => {
    const text = config[role];
    return typeof text === "string" ? hf.token_to_id(text) : undefined;
  };
  const bosId = idOf("bos_token");
  const eosId = idOf("eos_token");
  const padId = idOf("pad_token");
  const unkId = idOf("unk_token");
  for (const id of [bosId, eosId, padId, unkId]) {
    const text = id === undefined ? undefined : hf.id_to_token(id);
    if (id !== undefined && text !== undefined && !(text in specialTokens)) specialTokens[text] = id;
  }
  const addBos =
    typeof config.add_bos_token === "boolean"
      ? config.add_bos_token
      : bosId !== undefined && hf.encode("a", { add_special_tokens: true }).ids[0] === bosId;
  const name =
    options.name ??
    (typeof config.name_or_path === "string" && config.name_or_path !== "" ? config.name_or_path : undefined) ??
    (options.path ? path.basename(options.path) : "huggingface");

  return {
    name,
    spec: { type: "huggingface", path: options.path ?? "" },
    vocabSize,
    ...(bosId !== undefined ? { bosId } : {}),
    ...(eosId !== undefined ? { eosId } : {}),
    ...(padId !== undefined ? { padId } : {}),
    ...(unkId !== undefined ? { unkId } : {}),
    addBos,
    specialTokens: Object.freeze(specialTokens),
    encode: (text: string) => hf.encode(text, { add_special_tokens: false }).ids,
    decode(ids: ArrayLike<number>, opts?: DecodeOptions): string {
      const list = Array.from(ids);
      for (const id of list) checkTokenId(id, vocabSize, name);
      // tokenizers.js throws on an empty list.
      if (list.length === 0) return "";
      return hf.decode(list, { skip_special_tokens: opts?.skipSpecialTokens ?? false });
    },
  };
}

async function readJson(file: string, required: boolean): Promise<Json | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) throw new Error("not a JSON object");
    return value;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Loads a Hugging Face tokenizer from a local folder: tokenizer.json (required), tokenizer_config.json and
 * special_tokens_map.json (optional). Never touches the network.
 */
export async function loadHuggingFaceTokenizer(dir: string): Promise<Tokenizer> {
  const folder = path.resolve(dir);
  const [tokenizer, config, specialTokensMap] = await Promise.all([
    readJson(path.join(folder, "tokenizer.json"), true),
    readJson(path.join(folder, "tokenizer_config.json"), false),
    readJson(path.join(folder, "special_tokens_map.json"), false),
  ]);
  try {
    return createHuggingFaceTokenizer(
      {
        tokenizer: tokenizer as Json,
        ...(config ? { config } : {}),
        ...(specialTokensMap ? { specialTokensMap } : {}),
      },
      { path: folder },
    );
  } catch (error) {
    throw new Error(`cannot build the tokenizer in ${folder}: ${(error as Error).message}`);
  }
}
