/**
 * Tiny Hugging Face tokenizer folders for tests (here and in checkpoint-import tests): written from code, so
 * no download is ever needed. Not part of the engine's runtime path.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** GPT-2's byte → printable-character table (bytes_to_unicode), used by ByteLevel tokenizers. */
export function bytesToUnicode(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const table: string[] = new Array(256);
  let next = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = String.fromCodePoint(printable.includes(b) ? b : 256 + next++);
  }
  return table;
}

function withMerges(base: Record<string, number>, merges: string[]): Record<string, number> {
  const vocab = { ...base };
  let id = Object.keys(vocab).length;
  for (const merge of merges) {
    const token = merge.replace(" ", "");
    if (!(token in vocab)) vocab[token] = id++;
  }
  return vocab;
}

/**
 * A GPT-2-style byte-level BPE tokenizer: ids 0–255 are the bytes, a handful of merges ("hello", " world",
 * "é" as one token), "<|endoftext|>" as the special token after them.
 */
export function tinyByteLevelBpe(): { tokenizer: Record<string, unknown>; config: Record<string, unknown> } {
  const b2u = bytesToUnicode();
  const base: Record<string, number> = {};
  b2u.forEach((ch, byte) => {
    base[ch] = byte;
  });
  const e = b2u[0xc3] as string;
  const acute = b2u[0xa9] as string;
  const merges = ["h e", "l l", "he ll", "hell o", "Ġ w", "o r", "Ġw or", "Ġwor l", "Ġworl d", `${e} ${acute}`];
  const vocab = withMerges(base, merges);
  const eot = Object.keys(vocab).length;
  return {
    tokenizer: {
      version: "1.0",
      added_tokens: [
        {
          id: eot,
          content: "<|endoftext|>",
          single_word: false,
          lstrip: false,
          rstrip: false,
          normalized: false,
          special: true,
        },
      ],
      normalizer: null,
      pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
      post_processor: { type: "ByteLevel", add_prefix_space: true, trim_offsets: false, use_regex: true },
      decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
      model: { type: "BPE", dropout: null, unk_token: null, fuse_unk: false, byte_fallback: false, vocab, merges },
    },
    config: {
      tokenizer_class: "GPT2Tokenizer",
      bos_token: "<|endoftext|>",
      eos_token: "<|endoftext|>",
      unk_token: "<|endoftext|>",
      add_bos_token: false,
      clean_up_tokenization_spaces: false,
      model_max_length: 1024,
    },
  };
}

/**
 * A Llama-2-style (SentencePiece-like) BPE tokenizer: "▁" for spaces, byte fallback tokens <0x00>–<0xFF>,
 * <unk>/<s>/</s> at 0–2, and a post-processor that prepends <s>.
 */
export function tinySentencePieceBpe(): { tokenizer: Record<string, unknown>; config: Record<string, unknown> } {
  const base: Record<string, number> = { "<unk>": 0, "<s>": 1, "</s>": 2 };
  for (let b = 0; b < 256; b++) base[`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`] = 3 + b;
  for (const ch of ["▁", "h", "e", "l", "o", "w", "r", "d", "a", "t", "é"]) base[ch] = Object.keys(base).length;
  const merges = ["▁ h", "e l", "el l", "▁h ell", "▁hell o", "▁ w", "o r", "▁w or", "▁wor l", "▁worl d"];
  const vocab = withMerges(base, merges);
  const special = (id: number, content: string) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    tokenizer: {
      version: "1.0",
      added_tokens: [special(0, "<unk>"), special(1, "<s>"), special(2, "</s>")],
      normalizer: {
        type: "Sequence",
        normalizers: [
          { type: "Prepend", prepend: "▁" },
          { type: "Replace", pattern: { String: " " }, content: "▁" },
        ],
      },
      pre_tokenizer: null,
      post_processor: {
        type: "TemplateProcessing",
        single: [{ SpecialToken: { id: "<s>", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }],
        pair: [
          { SpecialToken: { id: "<s>", type_id: 0 } },
          { Sequence: { id: "A", type_id: 0 } },
          { SpecialToken: { id: "<s>", type_id: 1 } },
          { Sequence: { id: "B", type_id: 1 } },
        ],
        special_tokens: { "<s>": { id: "<s>", ids: [1], tokens: ["<s>"] } },
      },
      decoder: {
        type: "Sequence",
        decoders: [
          { type: "Replace", pattern: { String: "▁" }, content: " " },
          { type: "ByteFallback" },
          { type: "Fuse" },
          { type: "Strip", content: " ", start: 1, stop: 0 },
        ],
      },
      model: {
        type: "BPE",
        dropout: null,
        unk_token: "<unk>",
        continuing_subword_prefix: null,
        end_of_word_suffix: null,
        fuse_unk: true,
        byte_fallback: true,
        vocab,
        merges,
      },
    },
    config: {
      tokenizer_class: "LlamaTokenizer",
      bos_token: { __type: "AddedToken", content: "<s>", lstrip: false, normalized: false, rstrip: false },
      eos_token: "</s>",
      unk_token: "<unk>",
      pad_token: null,
      clean_up_tokenization_spaces: false,
      legacy: false,
    },
  };
}

/** Writes tokenizer.json and tokenizer_config.json into `dir` (created if needed); returns `dir`. */
export async function writeTokenizerFolder(
  dir: string,
  files: { tokenizer: Record<string, unknown>; config?: Record<string, unknown> },
): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "tokenizer.json"), JSON.stringify(files.tokenizer));
  if (files.config) await writeFile(path.join(dir, "tokenizer_config.json"), JSON.stringify(files.config));
  return dir;
}
