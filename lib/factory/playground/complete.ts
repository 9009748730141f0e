import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { inferenceUrl } from "@/lib/serving/config";
import { modelPrompt, type PlaygroundRequest } from "./request";

/** One line of the playground's stream. */
export type PlaygroundEvent =
  | { type: "token"; text: string }
  | { type: "end"; finishReason: string; truncatedTurns?: number }
  | { type: "error"; error: { code: string; message: string } };

/** Turns the inference server's server-sent events (completion or chat chunks) into the playground's events. */
export async function* eventsFromSse(body: ReadableStream<Uint8Array>): AsyncGenerator<PlaygroundEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let truncatedTurns = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
      if (!event.startsWith("data: ")) continue;
      const data = event.slice("data: ".length);
      if (data === "[DONE]") return;
      const parsed = JSON.parse(data) as {
        choices: { text?: string; delta?: { content?: string }; finish_reason: string | null }[];
        truncated_turns?: number;
      };
      if (parsed.truncated_turns) truncatedTurns = parsed.truncated_turns;
      const choice = parsed.choices[0];
      if (!choice) continue;
      const text = choice.text ?? choice.delta?.content;
      if (text) yield { type: "token", text };
      if (choice.finish_reason) {
        yield { type: "end", finishReason: choice.finish_reason, ...(truncatedTurns > 0 ? { truncatedTurns } : {}) };
      }
    }
  }
}

/**
 * Starts a playground completion for a training run: the run's base model with (variant "tuned") or without
 * its adapter, on the inference server. Only the run's owner may try it, once it succeeded; classification
 * runs have no text to generate. With `messages` it is a chat turn (/v1/chat/completions renders them in the
 * adapter's template, a plain transcript for the base model). Returns the events as they come.
 */
export async function playgroundCompletion(
  db: Db,
  input: {
    runId: string;
    userId: string;
    request: PlaygroundRequest;
    signal?: AbortSignal;
    env?: Readonly<Record<string, string | undefined>>;
  },
): Promise<AsyncGenerator<PlaygroundEvent>> {
  const run = await db.trainingRun.findFirst({
    where: { id: input.runId, ownerId: input.userId },
    select: { id: true, status: true, task: true, baseModel: true, adapterPath: true },
  });
  if (!run)
    throw new DomainError("training_run_not_found", `No training run "${input.runId}".`, 404, { run: input.runId });
  if (run.task === "classification") {
    throw new DomainError(
      "playground_not_for_classification",
      "A classification run labels texts instead of writing them: try it with POST /api/training-runs/:id/classify.",
      409,
    );
  }
  if (input.request.variant === "tuned" && (run.status !== "succeeded" || !run.adapterPath)) {
    throw new DomainError(
      "run_not_ready",
      `The run is ${run.status}: its adapter can be tried once it succeeds. The base model can be tried now.`,
      409,
      { status: run.status },
    );
  }
  const { request } = input;
  let response: Response;
  try {
    response = await fetch(`${inferenceUrl(input.env)}/v1/${request.messages ? "chat/completions" : "completions"}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        model: run.baseModel,
        ...(request.messages
          ? { messages: request.messages }
          : { prompt: modelPrompt(run.task, request.prompt ?? "") }),
        ...(request.variant === "tuned" ? { adapter: `${run.id}/adapter` } : {}),
        max_tokens: request.maxTokens,
        temperature: request.temperature,
        top_p: request.topP,
        ...(request.seed === undefined ? {} : { seed: request.seed }),
        stream: true,
      }),
      ...(input.signal ? { signal: input.signal } : {}),
    });
  } catch (error) {
    if (input.signal?.aborted) throw error;
    throw new DomainError(
      "inference_unavailable",
      "The inference server does not answer: npm start runs it (workers/inference.ts); see .data/logs/inference.log.",
      503,
    );
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new DomainError(
      body?.error?.code ?? "inference_failed",
      body?.error?.message ?? `The inference server answered ${response.status}.`,
      response.status >= 500 ? 502 : 422,
    );
  }
  return eventsFromSse(response.body);
}
