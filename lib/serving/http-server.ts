import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { listBaseModels } from "@/lib/factory/base-models/resolve";
import { streamChatCompletion } from "./chat-completions";
import { chatCompletionRequestSchema } from "./chat-request";
import { classifyRequestSchema, classifyText } from "./classify";
import { type CompletionRequest, completionRequestSchema } from "./completion-request";
import { streamCompletion } from "./completions";
import { ServingError } from "./errors";
import type { ModelCache } from "./model-cache";

/** Largest request body read (a prompt of 100,000 characters fits). */
const MAX_BODY_BYTES = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

/** Starts a server-sent events response: unbuffered, uncached, kept open. */
function openEventStream(res: ServerResponse): void {
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
}

function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof ServingError) {
    sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  sendJson(res, 500, { error: { code: "internal_error", message: "Generation failed on the inference server." } });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new ServingError("body_too_large", `The request body is over ${MAX_BODY_BYTES / 1024} KiB.`, 413);
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ServingError("invalid_json", "The request body is not JSON.", 400);
  }
}

function parseRequest(body: unknown): CompletionRequest {
  const parsed = completionRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
  throw new ServingError("invalid_request", issues.join("; "), 400);
}

/** `POST /v1/completions`: OpenAI's completion shape, streamed as server-sent events when `stream` is set. */
async function completions(cache: ModelCache, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = parseRequest(await readJson(req));
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  const id = `cmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const events = streamCompletion(cache, request, abort.signal);
  // The first event (which loads the model and adapter) decides between an error status and a 200.
  const first = await events.next();
  const chunk = (text: string, finishReason: string | null) => ({
    id,
    object: "text_completion",
    created,
    model: request.model,
    choices: [{ index: 0, text, finish_reason: finishReason }],
  });
  if (!request.stream) {
    let text = "";
    let event = first;
    for (; !event.done; event = await events.next()) {
      if (event.value.type === "token") text += event.value.text;
      else {
        const { finishReason, promptTokens, completionTokens } = event.value;
        sendJson(res, 200, {
          ...chunk(text, finishReason),
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
          },
        });
        return;
      }
    }
    return;
  }
  openEventStream(res);
  for (let event = first; !event.done && !res.destroyed; event = await events.next()) {
    const value = event.value;
    const data = value.type === "token" ? chunk(value.text, null) : chunk("", value.finishReason);
    res.write(`data: ${JSON.stringify(data)}\n\n`);
  }
  if (!res.destroyed) res.end("data: [DONE]\n\n");
}

/**
 * `POST /v1/chat/completions`: OpenAI's chat shape over the same generation (lib/serving/chat-template renders
 * the messages); streamed as `chat.completion.chunk` events (the role first, then the content) when `stream`
 * is set. `truncated_turns` (an extension) counts the earlier messages left out to fit the model's context.
 */
async function chatCompletions(cache: ModelCache, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = chatCompletionRequestSchema.safeParse(await readJson(req));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
    throw new ServingError("invalid_request", issues.join("; "), 400);
  }
  const request = parsed.data;
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const events = streamChatCompletion(cache, request, abort.signal);
  // The start (model, adapter and prompt ready) and the first token decide between an error status and a 200.
  const start = await events.next();
  const truncatedTurns = !start.done && start.value.type === "start" ? start.value.truncatedTurns : 0;
  const first = await events.next();
  const head = { id, created, model: request.model };
  if (!request.stream) {
    let content = "";
    for (let event = first; !event.done; event = await events.next()) {
      const value = event.value;
      if (value.type === "token") content += value.text;
      else if (value.type === "end") {
        sendJson(res, 200, {
          ...head,
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: value.finishReason }],
          usage: {
            prompt_tokens: value.promptTokens,
            completion_tokens: value.completionTokens,
            total_tokens: value.promptTokens + value.completionTokens,
          },
          truncated_turns: truncatedTurns,
        });
        return;
      }
    }
    return;
  }
  openEventStream(res);
  const chunk = (delta: { role?: "assistant"; content?: string }, finishReason: string | null, extra = {}) =>
    `data: ${JSON.stringify({ ...head, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`;
  res.write(chunk({ role: "assistant" }, null, { truncated_turns: truncatedTurns }));
  for (let event = first; !event.done && !res.destroyed; event = await events.next()) {
    const value = event.value;
    if (value.type === "token") res.write(chunk({ content: value.text }, null));
    else if (value.type === "end") res.write(chunk({}, value.finishReason));
  }
  if (!res.destroyed) res.end("data: [DONE]\n\n");
}

/**
 * The inference server's HTTP interface (bound to localhost by the worker; the web app talks to it):
 * `GET /health`, `GET /v1/models` (the catalog and imported checkpoints), `POST /v1/completions`, `POST /v1/chat/completions` and
 * `POST /v1/classify`.
 */
export function createInferenceServer(cache: ModelCache): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = `${req.method} ${url.pathname}`;
    const handle = async () => {
      if (route === "GET /health") return sendJson(res, 200, { ok: true });
      if (route === "GET /v1/models") {
        return sendJson(res, 200, {
          object: "list",
          // The catalog, then the checkpoints imported under DATA_DIR/checkpoints.
          data: listBaseModels(cache.checkpointsRoot).models.map((model) => ({
            id: model.id,
            object: "model",
            owned_by: model.source === "catalog" ? "modelfactory" : "imported",
          })),
        });
      }
      if (route === "POST /v1/completions") return completions(cache, req, res);
      if (route === "POST /v1/chat/completions") return chatCompletions(cache, req, res);
      if (route === "POST /v1/classify") {
        const parsed = classifyRequestSchema.safeParse(await readJson(req));
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
          throw new ServingError("invalid_request", issues.join("; "), 400);
        }
        return sendJson(res, 200, { model: parsed.data.model, ...(await classifyText(cache, parsed.data)) });
      }
      throw new ServingError("not_found", `No route ${route}.`, 404);
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) res.destroy(error instanceof Error ? error : undefined);
      else sendError(res, error);
    });
  });
}
