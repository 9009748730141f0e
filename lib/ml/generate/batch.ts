/** Batched generation: several prompts of different lengths decoded together, left-padded. */
import { createKvCache } from "../model/kv-cache";
import { nextLogits } from "./logits";
import { type GenerateOptions, type GenerationModel, resolveOptions, rowSeed, tokenBudget } from "./options";
import { type GenerationResult, SequenceState } from "./sequence";

/**
 * Generates after each prompt at once, as {@link generateText} would for each alone: prompts are
 * left-padded to one length with an attention mask, then every step feeds one token per row through a
 * shared KV cache. Each row has its own stop state, budget and seeded draws (row i's seed is
 * `mixSeeds(seed, i)`); a finished row stops contributing (it is fed a masked pad token that nothing
 * reads, and draws nothing). Returns one result per prompt, in order.
 */
export async function generateBatch(
  model: GenerationModel,
  prompts: readonly (readonly number[])[],
  options: GenerateOptions = {},
): Promise<GenerationResult[]> {
  const resolved = resolveOptions(model, options);
  const sequences = prompts.map(
    (prompt, row) => new SequenceState(resolved, tokenBudget(resolved, prompt.length), rowSeed(resolved.seed, row)),
  );
  const results = () => sequences.map((sequence) => sequence.result());
  const running = () => sequences.some((sequence) => !sequence.finished);
  const abort = () => {
    for (const sequence of sequences) sequence.abort();
  };
  if (!running()) return results();
  if (resolved.signal?.aborted) {
    abort();
    return results();
  }
  const width = Math.max(...prompts.map((prompt) => prompt.length));
  const mask = prompts.map((prompt) => [...new Array<number>(width - prompt.length).fill(0), ...prompt.map(() => 1)]);
  const padded = prompts.map((prompt) => [...new Array<number>(width - prompt.length).fill(0), ...prompt]);
  const cache = createKvCache(model.config, prompts.length);
  try {
    let logits = await nextLogits(model, resolved.adapter, cache, padded, mask);
    for (;;) {
      const next = sequences.map((sequence, row) => {
        if (sequence.finished) return 0;
        const token = sequence.step(logits[row] as Float32Array);
        return sequence.finished ? 0 : token.id;
      });
      if (!running()) break;
      if (resolved.signal?.aborted) {
        abort();
        break;
      }
      // Rows finished by now get a pad token, masked: their outputs are never read.
      sequences.forEach((sequence, row) => {
        mask[row]?.push(sequence.finished ? 0 : 1);
      });
      logits = await nextLogits(
        model,
        resolved.adapter,
        cache,
        next.map((id) => [id]),
        mask,
      );
    }
  } finally {
    cache.dispose();
  }
  return results();
}
