import { db } from "@/lib/db/client";
import { playgroundCompletion } from "@/lib/factory/playground/complete";
import { playgroundRequestSchema } from "@/lib/factory/playground/request";
import { requireSession } from "@/lib/http/current-session";
import { NDJSON, ndjsonLine } from "@/lib/http/ndjson";
import { errorBody, errorResponse, parseJsonBody } from "@/lib/http/responses";

/**
 * The playground: completes a `prompt`, or answers the chat in `messages` (one of the two, else 422), with a
 * run's fine-tuned adapter (or its base model, `variant: "base"`), streamed as NDJSON lines
 * `{"type":"token","text"}` then `{"type":"end","finishReason"}` (a chat's end may add `truncatedTurns`).
 * Refusals before the first token are ordinary 4xx JSON; a failure midway ends the stream with an error line.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    const session = await requireSession("try a model in the playground");
    const body = await parseJsonBody(request, playgroundRequestSchema);
    const events = await playgroundCompletion(db(), {
      runId: id,
      userId: session.userId,
      request: body,
      signal: request.signal,
    });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await events.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(ndjsonLine(next.value)));
        } catch (error) {
          const { body: failure } = errorBody(error);
          controller.enqueue(encoder.encode(ndjsonLine({ type: "error", error: failure.error })));
          controller.close();
        }
      },
      async cancel() {
        await events.return(undefined);
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": `${NDJSON}; charset=utf-8`, "Cache-Control": "no-store, no-transform" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
