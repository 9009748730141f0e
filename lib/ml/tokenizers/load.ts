import { stat } from "node:fs/promises";
import path from "node:path";
import { createByteTokenizer } from "./byte";
import { loadGpt2Tokenizer } from "./gpt2";
import { loadHuggingFaceTokenizer } from "./huggingface";
import type { Tokenizer, TokenizerSpec } from "./types";

/** Names `loadTokenizer` accepts besides a folder path. */
export const TOKENIZER_NAMES = ["byte", "gpt2"] as const;

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Loads a tokenizer from a name ("byte", "gpt2"; "r50k_base" is an alias of "gpt2"), a folder holding a
 * Hugging Face tokenizer.json (or the path of that file), or a {@link TokenizerSpec} (as `tokenizer.spec`
 * gives back).
 */
export async function loadTokenizer(spec: string | TokenizerSpec): Promise<Tokenizer> {
  if (typeof spec !== "string") {
    switch (spec.type) {
      case "byte":
        return createByteTokenizer(spec.specialTokens === undefined ? {} : { specialTokens: spec.specialTokens });
      case "gpt2":
        return loadGpt2Tokenizer();
      case "huggingface":
        return loadHuggingFaceTokenizer(spec.path);
      default:
        throw new Error(`unknown tokenizer spec ${JSON.stringify(spec)}`);
    }
  }
  if (spec === "byte") return createByteTokenizer();
  if (spec === "gpt2" || spec === "r50k_base") return loadGpt2Tokenizer();
  const folder = path.basename(spec) === "tokenizer.json" ? path.dirname(spec) : spec;
  if (await isDirectory(folder)) return loadHuggingFaceTokenizer(folder);
  throw new Error(
    `unknown tokenizer "${spec}": expected ${TOKENIZER_NAMES.map((n) => `"${n}"`).join(", ")} or a folder with tokenizer.json`,
  );
}
