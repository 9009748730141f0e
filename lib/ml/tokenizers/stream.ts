import type { DecodeOptions, Tokenizer } from "./types";
import { newUtf8Decoder } from "./utf8";

/** Turns token ids arriving one by one into text, never emitting half a character. */
export interface StreamDecoder {
  /** Feeds one id; returns the text completed by it ("" while a character is still incomplete). */
  push(id: number): string;
  /** Ends the stream: returns what is still held back (an incomplete character becomes U+FFFD). */
  flush(): string;
}

/**
 * Creates a streaming decoder. For byte-based tokenizers (`tokenBytes`) it runs a streaming UTF-8 decoder
 * over the token bytes, so the pieces concatenate to exactly `decode(ids)`. For others (Hugging Face) it
 * re-decodes a short window and emits the growth of the text once it no longer ends in U+FFFD, keeping one
 * token of context so decoders that strip a leading space stay right.
 */
export function createStreamDecoder(tokenizer: Tokenizer, options: DecodeOptions = {}): StreamDecoder {
  const skip = options.skipSpecialTokens ?? false;
  const specialIds = new Set(Object.values(tokenizer.specialTokens));
  if (tokenizer.tokenBytes) {
    const tokenBytes = tokenizer.tokenBytes.bind(tokenizer);
    const decoder = newUtf8Decoder();
    return {
      push(id: number): string {
        const bytes = tokenBytes(id);
        return skip && specialIds.has(id) ? "" : decoder.decode(bytes, { stream: true });
      },
      flush: () => decoder.decode(),
    };
  }
  return windowStreamDecoder(tokenizer, options);
}

function windowStreamDecoder(tokenizer: Tokenizer, options: DecodeOptions): StreamDecoder {
  let ids: number[] = [];
  let prefixOffset = 0;
  let readOffset = 0;
  return {
    push(id: number): string {
      ids.push(id);
      const prefixText = tokenizer.decode(ids.slice(prefixOffset, readOffset), options);
      const text = tokenizer.decode(ids.slice(prefixOffset), options);
      if (text.length <= prefixText.length || text.endsWith("\uFFFD")) return "";
      // Drop what no window will read again, so memory and work stay bounded on long streams.
      ids = ids.slice(readOffset);
      prefixOffset = 0;
      readOffset = ids.length;
      return text.slice(prefixText.length);
    },
    flush(): string {
      const prefixText = tokenizer.decode(ids.slice(prefixOffset, readOffset), options);
      const text = tokenizer.decode(ids.slice(prefixOffset), options);
      ids = [];
      prefixOffset = 0;
      readOffset = 0;
      return text.length > prefixText.length ? text.slice(prefixText.length) : "";
    },
  };
}

/**
 * Decodes a stream of ids into text pieces, each a run of complete characters (empty pieces are skipped;
 * the rest is flushed at the end).
 */
export async function* decodeStream(
  tokenizer: Tokenizer,
  ids: AsyncIterable<number> | Iterable<number>,
  options: DecodeOptions = {},
): AsyncGenerator<string, void, undefined> {
  const decoder = createStreamDecoder(tokenizer, options);
  for await (const id of ids) {
    const text = decoder.push(id);
    if (text !== "") yield text;
  }
  const rest = decoder.flush();
  if (rest !== "") yield rest;
}
