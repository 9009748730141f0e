import { checkTokenId, concatBytes, newUtf8Decoder } from "./utf8";

/** The part of a byte-based tokenizer that decoding needs. */
export interface ByteTokenSource {
  readonly name: string;
  readonly vocabSize: number;
  tokenBytes(id: number): Uint8Array;
}

/**
 * Decodes ids of a byte-based tokenizer: UTF-8 over the concatenated token bytes, with incomplete or
 * invalid sequences as U+FFFD. `specialIds` are left out when `skip` is set.
 */
export function decodeTokenBytes(
  source: ByteTokenSource,
  ids: ArrayLike<number>,
  specialIds: ReadonlySet<number>,
  skip: boolean,
): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    checkTokenId(id, source.vocabSize, source.name);
    if (skip && specialIds.has(id)) continue;
    const bytes = source.tokenBytes(id);
    chunks.push(bytes);
    total += bytes.length;
  }
  return newUtf8Decoder().decode(concatBytes(chunks, total));
}
