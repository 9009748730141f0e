/**
 * Packing plain text into fixed-length token windows for causal-LM training: documents are tokenized,
 * joined with EOS, and cut into windows of `windowLength` tokens every `stride` tokens. For next-token
 * training ask for windowLength = contextLength + 1 (inputs are window[0..T-1], targets window[1..T]).
 */
import type { Tokenizer } from "../tokenizers/types";

/** Options for {@link packTokens}. */
export interface PackOptions {
  /** Tokens per window (≥ 1). */
  windowLength: number;
  /** Distance between window starts, in [1, windowLength]. Default windowLength (no overlap). */
  stride?: number;
  /** The last, short window: "drop" it (default) or "pad" it with `padId` (mask 0). */
  remainder?: "drop" | "pad";
  /** Id for padding; required with remainder "pad". */
  padId?: number;
  /**
   * Mask out tokens a previous window already covered (for sliding-window evaluation, so each token is
   * scored once). Default false.
   */
  maskOverlap?: boolean;
}

/** Windows stored flat: window k is ids[k·windowLength … (k+1)·windowLength). */
export interface PackedWindows {
  windowLength: number;
  stride: number;
  count: number;
  /** count × windowLength token ids. */
  ids: Int32Array;
  /** 1 on real (and, with maskOverlap, new) tokens, 0 on padding. */
  mask: Uint8Array;
}

/** Cuts a token stream into windows. */
export function packTokens(tokens: ArrayLike<number>, options: PackOptions): PackedWindows {
  const { windowLength } = options;
  const stride = options.stride ?? windowLength;
  const remainder = options.remainder ?? "drop";
  if (!Number.isInteger(windowLength) || windowLength < 1) throw new RangeError(`windowLength ${windowLength} < 1`);
  if (!Number.isInteger(stride) || stride < 1 || stride > windowLength) {
    throw new RangeError(`stride ${stride} must be an integer in [1, windowLength = ${windowLength}]`);
  }
  if (remainder === "pad" && options.padId === undefined) throw new Error('remainder "pad" needs a padId');
  const n = tokens.length;
  let count: number;
  if (remainder === "drop") count = n < windowLength ? 0 : Math.floor((n - windowLength) / stride) + 1;
  else count = n === 0 ? 0 : n <= windowLength ? 1 : Math.ceil((n - windowLength) / stride) + 1;

  const ids = new Int32Array(count * windowLength);
  const mask = new Uint8Array(count * windowLength);
  const overlap = windowLength - stride;
  for (let k = 0; k < count; k++) {
    const start = k * stride;
    for (let j = 0; j < windowLength; j++) {
      const at = k * windowLength + j;
      if (start + j < n) {
        ids[at] = tokens[start + j] as number;
        mask[at] = options.maskOverlap && k > 0 && j < overlap ? 0 : 1;
      } else {
        ids[at] = options.padId as number;
      }
    }
  }
  return { windowLength, stride, count, ids, mask };
}

/** Window `k` of a packing, as views. */
export function windowAt(packed: PackedWindows, k: number): { ids: Int32Array; mask: Uint8Array } {
  if (!Number.isInteger(k) || k < 0 || k >= packed.count) throw new RangeError(`window ${k} of ${packed.count}`);
  const from = k * packed.windowLength;
  const to = from + packed.windowLength;
  return { ids: packed.ids.subarray(from, to), mask: packed.mask.subarray(from, to) };
}

/** Options for {@link tokenizeDocuments}. */
export interface TokenizeDocumentsOptions {
  /** Put BOS before each document. Default `tokenizer.addBos`. */
  addBos?: boolean;
  /** Id after each document. Default the tokenizer's EOS; null for none. */
  separatorId?: number | null;
}

/** Tokenizes documents into one stream: [BOS] doc [EOS] [BOS] doc [EOS] … */
export function tokenizeDocuments(
  tokenizer: Tokenizer,
  texts: Iterable<string>,
  options: TokenizeDocumentsOptions = {},
): Int32Array {
  const addBos = options.addBos ?? tokenizer.addBos;
  if (addBos && tokenizer.bosId === undefined) throw new Error(`tokenizer ${tokenizer.name} has no BOS token`);
  const separator = options.separatorId === undefined ? tokenizer.eosId : (options.separatorId ?? undefined);
  const chunks: number[][] = [];
  let total = 0;
  for (const text of texts) {
    const chunk = tokenizer.encode(text);
    if (addBos) chunk.unshift(tokenizer.bosId as number);
    if (separator !== undefined) chunk.push(separator);
    chunks.push(chunk);
    total += chunk.length;
  }
  const stream = new Int32Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    stream.set(chunk, offset);
    offset += chunk.length;
  }
  return stream;
}

/** Tokenizes documents into one stream and packs it into windows. */
export function packDocuments(
  tokenizer: Tokenizer,
  texts: Iterable<string>,
  options: PackOptions & TokenizeDocumentsOptions,
): PackedWindows {
  const padId = options.padId ?? tokenizer.padId ?? tokenizer.eosId;
  return packTokens(tokenizeDocuments(tokenizer, texts, options), {
    ...options,
    ...(padId !== undefined ? { padId } : {}),
  });
}
