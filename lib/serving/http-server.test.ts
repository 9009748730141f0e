import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoraAdapter, disposeAdapter, exportPeftAdapter, initBackend } from "@/lib/ml";
import { createInferenceServer } from "./http-server";
import { ModelCache } from "./model-cache";

const BASE = "mf-prose-byte";
let root: string;
let server: Server;
let url: string;
let cache: ModelCache;

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  root = mkdtempSync(path.join(tmpdir(), "mf-serving-"));
  cache = new ModelCache({ adapterRoot: root, maxAdapters: 2 });
  // An adapter whose B matrices are not zero, so it changes what the model says.
  const base = await cache.base(BASE);
  const adapter = createLoraAdapter(
    base.config,
    { rank: 4, alpha: 64, dropout: 0, targetModules: ["q", "v"] },
    { seed: 3 },
  );
  for (const [name, variable] of adapter.params) {
    if (name.endsWith(".lora_b")) variable.assign(tf.randomNormal(variable.shape, 0, 0.5, "float32", 7));
  }
  await exportPeftAdapter(path.join(root, "run-1", "adapter"), adapter, {
    baseModelNameOrPath: BASE,
    config: base.config,
  });
  disposeAdapter(adapter);
  // A classifier: a head over two labels, with what the trainer writes beside it.
  const classifier = createLoraAdapter(
    base.config,
    { rank: 4, alpha: 8, dropout: 0, targetModules: ["q", "v"] },
    { seed: 4, numLabels: 2 },
  );
  const folder = path.join(root, "run-2", "adapter");
  await exportPeftAdapter(folder, classifier, { baseModelNameOrPath: BASE, config: base.config });
  writeFileSync(
    path.join(folder, "modelfactory.json"),
    JSON.stringify({ task: "classification", labels: ["ham", "spam"], contextLength: 64 }),
  );
  disposeAdapter(classifier);
  server = createInferenceServer(cache);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

const complete = (body: unknown) =>
  fetch(`${url}/v1/completions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("inference server", () => {
  it("answers health and lists the catalog's models", async () => {
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
    const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toContain(BASE);
  });

  it("completes a prompt, and streams the same text token by token as server-sent events", async () => {
    const request = { model: BASE, prompt: "Call me Ishmael. Some years ago", max_tokens: 12, temperature: 0 };
    const whole = (await (await complete(request)).json()) as {
      choices: { text: string; finish_reason: string }[];
      usage: { completion_tokens: number; prompt_tokens: number };
    };
    expect(whole.choices[0]?.finish_reason).toBe("length");
    expect(whole.usage.completion_tokens).toBe(12);
    // No BOS: the byte tokenizer adds none, and neither did training.
    expect(whole.usage.prompt_tokens).toBe("Call me Ishmael. Some years ago".length);
    expect(whole.choices[0]?.text.length).toBeGreaterThan(0);

    const streamed = await complete({ ...request, stream: true });
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    const events = (await streamed.text()).split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    const chunks = events
      .slice(0, -1)
      .map(
        (e) => JSON.parse(e.slice("data: ".length)) as { choices: { text: string; finish_reason: string | null }[] },
      );
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.choices[0]?.text).join("")).toBe(whole.choices[0]?.text);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("length");
  });

  it("applies a LoRA adapter from the adapter folder, which changes the completion", async () => {
    const request = { model: BASE, prompt: "The whale", max_tokens: 16, temperature: 0 };
    const base = (await (await complete(request)).json()) as { choices: { text: string }[] };
    const tuned = await complete({ ...request, adapter: "run-1/adapter" });
    expect(tuned.status).toBe(200);
    const text = ((await tuned.json()) as { choices: { text: string }[] }).choices[0]?.text;
    expect(text).not.toBe(base.choices[0]?.text);
  });

  it("labels a text with a classification adapter, and refuses a text adapter for it", async () => {
    const classify = (body: unknown) =>
      fetch(`${url}/v1/classify`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const answer = await classify({ model: BASE, adapter: "run-2/adapter", input: "Win a free cruise now!" });
    expect(answer.status).toBe(200);
    const { labels } = (await answer.json()) as { labels: { label: string; probability: number }[] };
    expect(labels.map((l) => l.label).sort()).toEqual(["ham", "spam"]);
    expect(labels[0]?.probability).toBeGreaterThanOrEqual(labels[1]?.probability as number);
    expect(labels.reduce((sum, l) => sum + l.probability, 0)).toBeCloseTo(1, 5);
    const notClassifier = await classify({ model: BASE, adapter: "run-1/adapter", input: "Hello" });
    expect(notClassifier.status).toBe(400);
    expect(((await notClassifier.json()) as { error: { code: string } }).error.code).toBe("not_a_classifier");
    expect((await classify({ model: BASE, adapter: "run-2/adapter", input: "" })).status).toBe(400);
  });

  it("refuses bad requests with a clear error", async () => {
    const cases: [unknown, number, string, RegExp][] = [
      [{ model: BASE, prompt: "x", max_tokens: 0 }, 400, "invalid_request", /max_tokens/],
      [{ model: BASE, prompt: "x", temperature: 5 }, 400, "invalid_request", /temperature/],
      [{ model: BASE, prompt: "x", extra: true }, 400, "invalid_request", /extra/],
      [{ model: "gpt-17", prompt: "x" }, 404, "model_not_found", /gpt-17/],
      [{ model: BASE, prompt: "x", adapter: "../../etc" }, 400, "adapter_outside_root", /only read from/],
      [{ model: BASE, prompt: "x", adapter: "missing/adapter" }, 404, "adapter_unreadable", /missing\/adapter/],
    ];
    for (const [body, status, code, message] of cases) {
      const response = await complete(body);
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect({ status: response.status, code: answer.error.code }).toEqual({ status, code });
      expect(answer.error.message).toMatch(message);
    }
    const notJson = await fetch(`${url}/v1/completions`, { method: "POST", body: "{nope" });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${url}/v2/anything`)).status).toBe(404);
  });
});

const chat = (body: unknown) =>
  fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

interface ChatAnswer {
  object: string;
  choices: { message: { role: string; content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  truncated_turns: number;
}

describe("chat completions", () => {
  const messages = [
    { role: "system", content: "You answer about the sea." },
    { role: "user", content: "Who was Ahab?" },
    { role: "assistant", content: "The captain of the Pequod." },
    { role: "user", content: "And the whale?" },
  ];

  beforeAll(() => {
    // The same weights as run-1, saved by an instruction run.
    cpSync(path.join(root, "run-1", "adapter"), path.join(root, "run-3", "adapter"), { recursive: true });
    writeFileSync(
      path.join(root, "run-3", "adapter", "modelfactory.json"),
      JSON.stringify({ task: "instruction", labels: null, contextLength: 128 }),
    );
  });

  it("answers a chat as chat.completion, and streams the same answer as chat.completion.chunk events", async () => {
    const request = { model: BASE, messages, max_tokens: 12, temperature: 0 };
    const response = await chat(request);
    expect(response.status).toBe(200);
    const whole = (await response.json()) as ChatAnswer;
    expect(whole.object).toBe("chat.completion");
    expect(whole.choices[0]?.message.role).toBe("assistant");
    expect(["stop", "length"]).toContain(whole.choices[0]?.finish_reason);
    const transcript =
      "You answer about the sea.\n\nUser: Who was Ahab?\nAssistant: The captain of the Pequod.\nUser: And the whale?\nAssistant: ";
    expect(whole.usage.prompt_tokens).toBe(transcript.length);
    expect(whole.usage.total_tokens).toBe(whole.usage.prompt_tokens + whole.usage.completion_tokens);
    expect(whole.truncated_turns).toBe(0);

    const streamed = await chat({ ...request, stream: true });
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    const events = (await streamed.text()).split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    const chunks = events.slice(0, -1).map(
      (e) =>
        JSON.parse(e.slice("data: ".length)) as {
          object: string;
          choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
        },
    );
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant" });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe(whole.choices[0]?.message.content);
    expect(chunks.at(-1)?.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: whole.choices[0]?.finish_reason });
  });

  it("ends the answer at a stop string, which is left out", async () => {
    const request = { model: BASE, messages: [{ role: "user", content: "Call me Ishmael." }], temperature: 0 };
    const free = ((await (await chat({ ...request, max_tokens: 32 })).json()) as ChatAnswer).choices[0];
    const content = free?.message.content ?? "";
    expect(content.length).toBeGreaterThan(8);
    const stop = content.slice(6, 8);
    const stopped = ((await (await chat({ ...request, max_tokens: 32, stop })).json()) as ChatAnswer).choices[0];
    expect(stopped).toMatchObject({
      finish_reason: "stop",
      message: { content: content.slice(0, content.indexOf(stop)) },
    });
  });

  it("chats with an instruction adapter in its template, and refuses a classifier", async () => {
    const request = { model: BASE, messages, max_tokens: 8, temperature: 0 };
    const tuned = await chat({ ...request, adapter: "run-3/adapter" });
    expect(tuned.status).toBe(200);
    const answer = (await tuned.json()) as ChatAnswer;
    const prompt =
      "You answer about the sea.\n\n### Instruction:\nWho was Ahab?\n\n### Response:\nThe captain of the Pequod." +
      "\u0000### Instruction:\nAnd the whale?\n\n### Response:\n"; // \u0000 stands for the one EOS token
    expect(answer.usage.prompt_tokens).toBe(prompt.length);
    expect(answer.choices[0]?.message.content).not.toContain("### Instruction:");
    const classifier = await chat({ ...request, adapter: "run-2/adapter" });
    expect(classifier.status).toBe(400);
    expect(((await classifier.json()) as { error: { code: string } }).error.code).toBe("not_a_chat_model");
  });

  it("refuses bad chat requests with a 400 naming the field", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ model: BASE, messages: [] }, "invalid_request", /^messages: /],
      [{ model: BASE, messages: [{ role: "robot", content: "Hi" }] }, "invalid_request", /messages\.0\.role/],
      [{ model: BASE, messages: [{ role: "user" }] }, "invalid_request", /messages\.0\.content/],
      [{ model: BASE }, "invalid_request", /messages/],
      [{ model: BASE, messages: [{ role: "user", content: "Hi" }], prompt: "x" }, "invalid_request", /prompt/],
      [{ model: BASE, messages: [{ role: "assistant", content: "Hi" }] }, "invalid_request", /last message/],
      [{ model: BASE, messages: [{ role: "user", content: "x".repeat(400) }] }, "context_length_exceeded", /256/],
    ];
    for (const [body, code, message] of cases) {
      const response = await chat(body);
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect({ status: response.status, code: answer.error.code }).toEqual({ status: 400, code });
      expect(answer.error.message).toMatch(message);
    }
  });
});
