/** Streaming generation of one sequence with the KV cache: an async iterator of tokens, and its text form. */
import { createKvCache } from "../model/kv-cache";
import { nextLogits } from "./logits";
import {
  type FinishReason,
  type GenerateOptions,
  type GenerationModel,
  resolveOptions,
  rowSeed,
  tokenBudget,
} from "./options";
import { type GeneratedToken, type GenerationResult, SequenceState } from "./sequence";

/**
 * Generates after `promptIds`, one token at a time: the prompt runs through the model once, then each
 * step feeds only the last token (KV cache, last-position logits). Ends at an EOS or stop token id (the
 * last token yielded), a stop sequence in the decoded text (not emitted), `maxNewTokens` or the model's
 * context length ("length"), or `signal` ("abort", checked between steps). The iterator returns the
 * finish reason; breaking out of it early releases the cache.
 */
export async function* generate(
  model: GenerationModel,
  promptIds: readonly number[],
  options: GenerateOptions = {},
): AsyncGenerator<GeneratedToken, FinishReason, undefined> {
  const resolved = resolveOptions(model, options);
  const sequence = new SequenceState(resolved, tokenBudget(resolved, promptIds.length), rowSeed(resolved.seed, 0));
  if (sequence.finished) return sequence.finishReason ?? "length";
  if (resolved.signal?.aborted) return "abort";
  const cache = createKvCache(model.config, 1);
  try {
    let [logits] = await nextLogits(model, resolved.adapter, cache, [[...promptIds]]);
    for (;;) {
      const token = sequence.step(logits as Float32Array);
      yield token;
      if (token.finishReason) return token.finishReason;
      if (resolved.signal?.aborted) return "abort";
      [logits] = await nextLogits(model, resolved.adapter, cache, [[token.id]]);
    }
  } finally {
    cache.dispose();
  }
}

/** Runs {@link generate} to the end and returns the text, the token ids and why it stopped. */
export async function generateText(
  model: GenerationModel,
  promptIds: readonly number[],
  options: GenerateOptions = {},
): Promise<GenerationResult> {
  const stream = generate(model, promptIds, options);
  const tokens: number[] = [];
  let text = "";
  for (;;) {
    const next = await stream.next();
    if (next.done) return { text, tokens, finishReason: next.value };
    tokens.push(next.value.id);
    text += next.value.text ?? "";
  }
}
