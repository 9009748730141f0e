/**
 * The one interface every tokenizer in lib/ml implements: byte-level, GPT-2 BPE and
 * Hugging Face tokenizer.json.
 */

/** A serialisable description of a tokenizer, enough for `loadTokenizer` to rebuild it. */
export type TokenizerSpec =
  | { type: "byte"; specialTokens?: boolean }
  | { type: "gpt2" }
  | { type: "huggingface"; path: string };

/** Options for {@link Tokenizer.decode}. */
export interface DecodeOptions {
  /** Leave special tokens (BOS, EOS, PAD, …) out of the text. Default false: they are rendered as their text. */
  skipSpecialTokens?: boolean;
}

/** Text ⇄ token ids. */
export interface Tokenizer {
  /** Short human-readable name ("byte", "gpt2", or the Hugging Face model name). */
  readonly name: string;
  /** How to rebuild this tokenizer with `loadTokenizer`. */
  readonly spec: TokenizerSpec;
  /** Number of ids: every id the tokenizer can produce or decode is in [0, vocabSize). */
  readonly vocabSize: number;
  /** Beginning-of-sequence id, when the tokenizer has one. */
  readonly bosId?: number;
  /** End-of-sequence id, when the tokenizer has one. */
  readonly eosId?: number;
  /** Padding id (always masked out of the loss), when the tokenizer has one. */
  readonly padId?: number;
  /** Unknown-token id, when the tokenizer has one. */
  readonly unkId?: number;
  /** Whether sequences start with `bosId`, as the tokenizer's models were trained. */
  readonly addBos: boolean;
  /** Special token text → id (e.g. `{"<|endoftext|>": 50256}`). */
  readonly specialTokens: Readonly<Record<string, number>>;
  /**
   * Text → ids. Never adds BOS/EOS (callers add them explicitly). Byte-level and GPT-2 treat special-token
   * text in the input as ordinary text; Hugging Face tokenizers match their added tokens, as the reference
   * implementation does.
   */
  encode(text: string): number[];
  /** Ids → text. Throws a RangeError for an id outside [0, vocabSize). */
  decode(ids: ArrayLike<number>, options?: DecodeOptions): string;
  /**
   * Raw bytes of one token (a special token gives the UTF-8 of its text), for tokenizers whose tokens are
   * byte strings (byte-level, GPT-2): decoding is then UTF-8 over the concatenated bytes, and the stream
   * decoder is exact. Absent on tokenizers that cannot say.
   */
  tokenBytes?(id: number): Uint8Array;
}
