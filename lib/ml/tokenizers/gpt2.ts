import { decodeTokenBytes } from "./byte-decode";
import type { DecodeOptions, Tokenizer } from "./types";
import { checkTokenId, utf8Bytes } from "./utf8";

/** GPT-2's only special token; it serves as BOS, EOS and (by convention) PAD. */
export const GPT2_END_OF_TEXT = "<|endoftext|>";
/** Id of "<|endoftext|>" in GPT-2's r50k_base vocabulary. */
export const GPT2_END_OF_TEXT_ID = 50256;
/** GPT-2 vocabulary size: 50,256 byte-pair ranks + "<|endoftext|>". */
export const GPT2_VOCAB_SIZE = 50257;

// Treat "<|endoftext|>" in user text as text: gpt-tokenizer throws on it by default.
const PLAIN_TEXT = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/**
 * GPT-2 byte-pair encoding (the r50k_base ranks shipped in gpt-tokenizer; ids equal Hugging Face's GPT-2
 * ids). "<|endoftext|>" (50256) is BOS, EOS and PAD (GPT-2 has no pad token; padding is masked anyway).
 * Loaded lazily: the rank table is ~1 MB of JavaScript.
 */
export async function loadGpt2Tokenizer(): Promise<Tokenizer> {
  const [{ default: encoding }, { default: ranks }] = await Promise.all([
    import("gpt-tokenizer/encoding/r50k_base"),
    import("gpt-tokenizer/bpeRanks/r50k_base"),
  ]);
  if (encoding.vocabularySize !== GPT2_VOCAB_SIZE || ranks.length !== GPT2_END_OF_TEXT_ID) {
    throw new Error(
      `gpt-tokenizer r50k_base has ${encoding.vocabularySize} ids and ${ranks.length} ranks; expected ${GPT2_VOCAB_SIZE} and ${GPT2_END_OF_TEXT_ID}`,
    );
  }
  const specialTokens = Object.freeze({ [GPT2_END_OF_TEXT]: GPT2_END_OF_TEXT_ID });
  const specialIds = new Set([GPT2_END_OF_TEXT_ID]);
  const endOfTextBytes = utf8Bytes(GPT2_END_OF_TEXT);
  // Token bytes built on first use; ranks hold a string (valid UTF-8) or a byte array (a partial character).
  const cache = new Map<number, Uint8Array>();

  function tokenBytes(id: number): Uint8Array {
    checkTokenId(id, GPT2_VOCAB_SIZE, "gpt2");
    if (id === GPT2_END_OF_TEXT_ID) return endOfTextBytes;
    let bytes = cache.get(id);
    if (bytes === undefined) {
      const rank = ranks[id];
      if (rank === undefined) throw new RangeError(`gpt2 rank table has no token ${id}`);
      bytes = typeof rank === "string" ? utf8Bytes(rank) : Uint8Array.from(rank);
      cache.set(id, bytes);
    }
    return bytes;
  }

  const tokenizer: Tokenizer = {
    name: "gpt2",
    spec: { type: "gpt2" },
    vocabSize: GPT2_VOCAB_SIZE,
    bosId: GPT2_END_OF_TEXT_ID,
    eosId: GPT2_END_OF_TEXT_ID,
    padId: GPT2_END_OF_TEXT_ID,
    addBos: false,
    specialTokens,
    encode: (text: string) => encoding.encode(text, PLAIN_TEXT),
    // Our own decode: gpt-tokenizer's decode shares one streaming TextDecoder across calls, so a token that
    // ends mid-character leaks its bytes into the next, unrelated decode.
    decode: (ids: ArrayLike<number>, opts?: DecodeOptions) =>
      decodeTokenBytes(
        { name: "gpt2", vocabSize: GPT2_VOCAB_SIZE, tokenBytes },
        ids,
        specialIds,
        opts?.skipSpecialTokens ?? false,
      ),
    tokenBytes,
  };
  return tokenizer;
}
