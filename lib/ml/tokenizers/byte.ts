import { decodeTokenBytes } from "./byte-decode";
import type { DecodeOptions, Tokenizer } from "./types";
import { checkTokenId, utf8Bytes } from "./utf8";

/** Id of the byte-level BOS token ("<|bos|>"), right after the 256 byte ids. */
export const BYTE_BOS_ID = 256;
/** Id of the byte-level EOS token ("<|eos|>"). */
export const BYTE_EOS_ID = 257;
/** Id of the byte-level PAD token ("<|pad|>"). */
export const BYTE_PAD_ID = 258;

const SPECIALS: Readonly<Record<string, number>> = Object.freeze({
  "<|bos|>": BYTE_BOS_ID,
  "<|eos|>": BYTE_EOS_ID,
  "<|pad|>": BYTE_PAD_ID,
});

/** Options for {@link createByteTokenizer}. */
export interface ByteTokenizerOptions {
  /**
   * Append BOS/EOS/PAD at ids 256, 257, 258 (vocabSize 259). Default true. With false the vocabulary is
   * exactly the 256 byte values and there are no special tokens.
   */
  specialTokens?: boolean;
}

/**
 * Byte-level tokenizer: one token per UTF-8 byte (ids 0–255), plus BOS = 256 ("<|bos|>"),
 * EOS = 257 ("<|eos|>") and PAD = 258 ("<|pad|>") unless `specialTokens: false`. Special-token text in the
 * input is encoded as ordinary bytes; only ids 256–258 are special.
 */
export function createByteTokenizer(options: ByteTokenizerOptions = {}): Tokenizer {
  const withSpecials = options.specialTokens ?? true;
  const vocabSize = withSpecials ? 259 : 256;
  const specialTokens: Readonly<Record<string, number>> = withSpecials ? SPECIALS : Object.freeze({});
  const specialIds = new Set(Object.values(specialTokens));
  const table: Uint8Array[] = [];
  for (let b = 0; b < 256; b++) table.push(Uint8Array.of(b));
  for (const [text, id] of Object.entries(specialTokens)) table[id] = utf8Bytes(text);

  function tokenBytes(id: number): Uint8Array {
    checkTokenId(id, vocabSize, "byte");
    return table[id] as Uint8Array;
  }

  return {
    name: "byte",
    spec: { type: "byte", specialTokens: withSpecials },
    vocabSize,
    ...(withSpecials ? { bosId: BYTE_BOS_ID, eosId: BYTE_EOS_ID, padId: BYTE_PAD_ID } : {}),
    addBos: false,
    specialTokens,
    encode: (text: string) => Array.from(utf8Bytes(text)),
    decode: (ids: ArrayLike<number>, opts?: DecodeOptions) =>
      decodeTokenBytes({ name: "byte", vocabSize, tokenBytes }, ids, specialIds, opts?.skipSpecialTokens ?? false),
    tokenBytes,
  };
}
