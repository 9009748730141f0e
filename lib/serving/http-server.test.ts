import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
    expect(whole.usage.prompt_tokens).toBe(1 + "Call me Ishmael. Some years ago".length);
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
