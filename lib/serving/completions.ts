import { type FinishReason, generate } from "@/lib/ml";
import type { CompletionRequest } from "./completion-request";
import type { ModelCache } from "./model-cache";

/** One piece of a streamed completion: the text of a token, or the end with its reason. */
export type CompletionEvent =
  | { type: "token"; text: string }
  | { type: "end"; finishReason: FinishReason; promptTokens: number; completionTokens: number };

/**
 * Generates a completion token by token: the base model from the catalog with, when asked, a LoRA adapter
 * applied unmerged. The prompt starts with BOS only where the tokenizer adds one (as the trainer's examples do), unless
 * `promptIds` gives the tokens already (a rendered chat); an abort ends the stream between tokens.
 */
export async function* streamCompletion(
  cache: ModelCache,
  request: CompletionRequest,
  signal?: AbortSignal,
  promptIds?: readonly number[],
): AsyncGenerator<CompletionEvent> {
  const base = await cache.base(request.model);
  const adapter = request.adapter ? await cache.adapter(request.adapter, base) : undefined;
  const { tokenizer } = base;
  const ids = promptIds ?? [
    ...(tokenizer.addBos && tokenizer.bosId !== undefined ? [tokenizer.bosId] : []),
    ...tokenizer.encode(request.prompt),
  ];
  const stop = request.stop === undefined ? [] : Array.isArray(request.stop) ? request.stop : [request.stop];
  const tokens = generate({ params: base.params, config: base.config }, ids, {
    maxNewTokens: request.max_tokens,
    temperature: request.temperature,
    topP: request.top_p,
    seed: request.seed ?? Math.floor(Math.random() * 2 ** 31),
    tokenizer,
    ...(stop.length > 0 ? { stop: { sequences: stop } } : {}),
    ...(adapter ? { adapter } : {}),
    ...(signal ? { signal } : {}),
  });
  let completionTokens = 0;
  for (;;) {
    const next = await tokens.next();
    if (next.done) {
      yield { type: "end", finishReason: next.value, promptTokens: ids.length, completionTokens };
      return;
    }
    completionTokens++;
    if (next.value.text) yield { type: "token", text: next.value.text };
  }
}
