/** Tokenizers for lib/ml: byte-level, GPT-2 BPE, Hugging Face tokenizer.json, and streaming decoding. */
export { BYTE_BOS_ID, BYTE_EOS_ID, BYTE_PAD_ID, type ByteTokenizerOptions, createByteTokenizer } from "./byte";
export { GPT2_END_OF_TEXT, GPT2_END_OF_TEXT_ID, GPT2_VOCAB_SIZE, loadGpt2Tokenizer } from "./gpt2";
export { createHuggingFaceTokenizer, type HuggingFaceTokenizerFiles, loadHuggingFaceTokenizer } from "./huggingface";
export { loadTokenizer, TOKENIZER_NAMES } from "./load";
export { createStreamDecoder, decodeStream, type StreamDecoder } from "./stream";
export type { DecodeOptions, Tokenizer, TokenizerSpec } from "./types";
