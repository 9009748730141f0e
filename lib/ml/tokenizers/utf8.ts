/** UTF-8 helpers shared by the byte-based tokenizers and the stream decoder. */

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * A fresh non-fatal UTF-8 decoder. `ignoreBOM` keeps a leading U+FEFF as text, so decoding is a pure
 * function of the bytes (each caller gets its own: a shared streaming decoder would leak state).
 */
export function newUtf8Decoder(): TextDecoder {
  return new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
}

/** Concatenates byte chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[], totalLength?: number): Uint8Array {
  const length = totalLength ?? chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Throws a RangeError naming the id when it is not an integer in [0, vocabSize). */
export function checkTokenId(id: number, vocabSize: number, tokenizerName: string): void {
  if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
    throw new RangeError(`token id ${id} is outside the ${tokenizerName} vocabulary [0, ${vocabSize})`);
  }
}
