import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/responses";
import { createLoraAdapter, disposeAdapter, exportPeftAdapter, initBackend } from "@/lib/ml";
import { createInferenceServer } from "@/lib/serving/http-server";
import { ModelCache } from "@/lib/serving/model-cache";
import { playgroundClassify } from "./classify";
import { type PlaygroundEvent, playgroundCompletion } from "./complete";
import { modelPrompt, playgroundRequestSchema } from "./request";

const BASE = "mf-prose-byte";
let db: Db;
let dataDir: string;
let server: Server;
let env: Record<string, string>;
let ownerId: string;
let strangerId: string;

async function run(data: { status: "queued" | "succeeded"; task?: "causal_lm" | "instruction" | "classification" }) {
  const created = await db.trainingRun.create({
    data: {
      ownerId,
      name: "Playground test",
      status: data.status,
      config: {},
      baseModel: BASE,
      task: data.task ?? "causal_lm",
      totalSteps: 10,
    },
  });
  if (data.status !== "succeeded") return created.id;
  // The adapter a finished run leaves behind, in PEFT layout under DATA_DIR/runs/<id>/adapter.
  const cache = new ModelCache({ adapterRoot: path.join(dataDir, "runs") });
  const base = await cache.base(BASE);
  const adapter = createLoraAdapter(
    base.config,
    { rank: 4, alpha: 64, dropout: 0, targetModules: ["q", "v"] },
    { seed: 5 },
  );
  for (const [name, variable] of adapter.params) {
    if (name.endsWith(".lora_b")) variable.assign(tf.randomNormal(variable.shape, 0, 0.5, "float32", 11));
  }
  const folder = path.join(dataDir, "runs", created.id, "adapter");
  await exportPeftAdapter(folder, adapter, { baseModelNameOrPath: BASE, config: base.config });
  disposeAdapter(adapter);
  await db.trainingRun.update({ where: { id: created.id }, data: { adapterPath: folder } });
  return created.id;
}

async function collect(events: AsyncGenerator<PlaygroundEvent>) {
  const all: PlaygroundEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

async function refused(attempt: () => Promise<unknown>) {
  try {
    await attempt();
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  db = createDb(process.env.DATABASE_URL as string);
  dataDir = mkdtempSync(path.join(tmpdir(), "mf-playground-"));
  server = createInferenceServer(new ModelCache({ adapterRoot: path.join(dataDir, "runs") }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  env = { INFERENCE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  ownerId = (await db.user.create({ data: { address: "0x00000000000000000000000000000000000a11ce" } })).id;
  strangerId = (await db.user.create({ data: { address: "0x0000000000000000000000000000000000000b0b" } })).id;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.$disconnect();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("playground", () => {
  it("streams the fine-tuned adapter's completion, which differs from the base model's", async () => {
    const runId = await run({ status: "succeeded" });
    const ask = (variant: "tuned" | "base") =>
      playgroundCompletion(db, {
        runId,
        userId: ownerId,
        env,
        request: playgroundRequestSchema.parse({ prompt: "The sea was", variant, maxTokens: 16, temperature: 0 }),
      }).then(collect);
    const tuned = await ask("tuned");
    const base = await ask("base");
    expect(tuned.at(-1)).toEqual({ type: "end", finishReason: "length" });
    const text = (events: PlaygroundEvent[]) => events.map((e) => (e.type === "token" ? e.text : "")).join("");
    expect(tuned.filter((e) => e.type === "token").length).toBeGreaterThan(3);
    expect(text(tuned)).not.toBe(text(base));
  });

  it("chats with an instruction run's adapter and its base model, each keeping its own history", async () => {
    const runId = await run({ status: "succeeded", task: "instruction" });
    writeFileSync(
      path.join(dataDir, "runs", runId, "adapter", "modelfactory.json"),
      JSON.stringify({ task: "instruction", labels: null, contextLength: 128 }),
    );
    const ask = (variant: "tuned" | "base", answer: string) =>
      playgroundCompletion(db, {
        runId,
        userId: ownerId,
        env,
        request: playgroundRequestSchema.parse({
          messages: [
            { role: "system", content: "Answer briefly." },
            { role: "user", content: "What is the sea?" },
            { role: "assistant", content: answer },
            { role: "user", content: "And the whale?" },
          ],
          variant,
          maxTokens: 12,
          temperature: 0,
        }),
      }).then(collect);
    const tuned = await ask("tuned", "Water.");
    const base = await ask("base", "A lot of water.");
    for (const events of [tuned, base]) {
      expect(events.filter((e) => e.type === "token").length).toBeGreaterThan(0);
      expect(events.at(-1)?.type).toBe("end");
      const text = events.map((e) => (e.type === "token" ? e.text : "")).join("");
      expect(text).not.toMatch(/### Instruction:|\nUser:/);
    }
    // A conversation whose last turn alone outgrows the model's context is refused before any token.
    const tooLong = playgroundRequestSchema.parse({ messages: [{ role: "user", content: "x".repeat(400) }] });
    expect(await refused(() => playgroundCompletion(db, { runId, userId: ownerId, env, request: tooLong }))).toEqual({
      status: 422,
      code: "context_length_exceeded",
    });
  });

  it("lets the owner try the base model of a run still training, but not its adapter", async () => {
    const runId = await run({ status: "queued" });
    const request = playgroundRequestSchema.parse({ prompt: "Call me", variant: "base", maxTokens: 4, temperature: 0 });
    const base = await collect(await playgroundCompletion(db, { runId, userId: ownerId, env, request }));
    expect(base.at(-1)?.type).toBe("end");
    expect(
      await refused(() =>
        playgroundCompletion(db, { runId, userId: ownerId, env, request: { ...request, variant: "tuned" } }),
      ),
    ).toEqual({
      status: 409,
      code: "run_not_ready",
    });
  });

  it("refuses strangers, classification runs and an absent inference server clearly", async () => {
    const runId = await run({ status: "succeeded" });
    const request = playgroundRequestSchema.parse({ prompt: "Hello" });
    expect(await refused(() => playgroundCompletion(db, { runId, userId: strangerId, env, request }))).toEqual({
      status: 404,
      code: "training_run_not_found",
    });
    const classifier = await run({ status: "queued", task: "classification" });
    expect(await refused(() => playgroundCompletion(db, { runId: classifier, userId: ownerId, env, request }))).toEqual(
      {
        status: 409,
        code: "playground_not_for_classification",
      },
    );
    const down = { INFERENCE_URL: "http://127.0.0.1:9" };
    expect(await refused(() => playgroundCompletion(db, { runId, userId: ownerId, env: down, request }))).toEqual({
      status: 503,
      code: "inference_unavailable",
    });
  });

  it("labels a text with a classification run's adapter, with every label's probability", async () => {
    const created = await db.trainingRun.create({
      data: {
        ownerId,
        name: "Classifier",
        status: "succeeded",
        config: {},
        baseModel: BASE,
        task: "classification",
        totalSteps: 1,
      },
    });
    const cache = new ModelCache({ adapterRoot: path.join(dataDir, "runs") });
    const base = await cache.base(BASE);
    const classifier = createLoraAdapter(
      base.config,
      { rank: 4, alpha: 8, dropout: 0, targetModules: ["q", "v"] },
      { seed: 2, numLabels: 2 },
    );
    const folder = path.join(dataDir, "runs", created.id, "adapter");
    await exportPeftAdapter(folder, classifier, { baseModelNameOrPath: BASE, config: base.config });
    disposeAdapter(classifier);
    writeFileSync(
      path.join(folder, "modelfactory.json"),
      JSON.stringify({ task: "classification", labels: ["ham", "spam"], contextLength: 64 }),
    );
    await db.trainingRun.update({ where: { id: created.id }, data: { adapterPath: folder } });

    const { labels } = await playgroundClassify(db, {
      runId: created.id,
      userId: ownerId,
      env,
      text: "Win a free cruise!",
    });
    expect(labels.map((l) => l.label).sort()).toEqual(["ham", "spam"]);
    expect(labels.reduce((sum, l) => sum + l.probability, 0)).toBeCloseTo(1, 5);
    const textRun = await run({ status: "succeeded" });
    expect(
      await refused(() => playgroundClassify(db, { runId: textRun, userId: ownerId, env, text: "Hello" })),
    ).toEqual({
      status: 409,
      code: "not_a_classifier",
    });
    expect(
      await refused(() => playgroundClassify(db, { runId: created.id, userId: strangerId, env, text: "Hello" })),
    ).toEqual({
      status: 404,
      code: "training_run_not_found",
    });
  });

  it("wraps an instruction run's prompt in its training template, and bounds every setting", () => {
    expect(modelPrompt("instruction", "What is CWE-79?")).toBe("### Instruction:\nWhat is CWE-79?\n\n### Response:\n");
    expect(modelPrompt("causal_lm", "Call me Ishmael")).toBe("Call me Ishmael");
    for (const [body, field] of [
      [{ prompt: "" }, "prompt"],
      [{ prompt: "x", maxTokens: 0 }, "maxTokens"],
      [{ prompt: "x", temperature: 3 }, "temperature"],
      [{ prompt: "x", topP: 0 }, "topP"],
    ] as const) {
      const parsed = playgroundRequestSchema.safeParse(body);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path[0]).toBe(field);
    }
  });
});
