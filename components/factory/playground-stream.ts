import { ndjsonParser } from "@/components/datanets/contribute/ndjson-parser";
import type { PlaygroundEvent } from "@/lib/factory/playground/complete";
import type { PlaygroundRequest } from "@/lib/factory/playground/request";
import { runApi } from "./api";

/** What the playground says about why an answer ended. */
export const FINISH_NOTES: Readonly<Record<string, string>> = {
  length: "stopped at the token limit",
  stop: "the model ended its answer",
  abort: "stopped",
  stopped: "stopped",
};

/**
 * Streams a playground completion (a `prompt`) or chat answer (`messages`): calls `onText` with each piece as
 * it arrives and resolves with why it ended (`onEnd` also gets the end event, with a chat's `truncatedTurns`).
 * A refusal before the first token rejects with the server's message; abort with `signal`.
 */
export async function streamPlayground(
  runId: string,
  request: Omit<PlaygroundRequest, "seed"> & { seed?: number },
  onText: (text: string) => void,
  signal: AbortSignal,
  onEnd?: (end: Extract<PlaygroundEvent, { type: "end" }>) => void,
): Promise<string> {
  const response = await fetch(runApi(runId, "generate"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
    signal,
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The playground answered ${response.status}.`);
  }
  const parser = ndjsonParser();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let finish = "stopped";
  const handle = (values: unknown[]) => {
    for (const value of values as PlaygroundEvent[]) {
      if (value.type === "token") onText(value.text);
      else if (value.type === "end") {
        finish = value.finishReason;
        onEnd?.(value);
      } else throw new Error(value.error.message);
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    handle(parser.push(value));
  }
  handle(parser.end());
  return finish;
}
