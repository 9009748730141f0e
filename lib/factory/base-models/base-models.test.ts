import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "@/lib/ml/backend/init";
import { TINY_GPT2, TINY_LLAMA, writeTinyCheckpoint } from "@/lib/ml/catalog/local-testing";
import { disposeParams } from "@/lib/ml/model/params";
import { createInferenceServer } from "@/lib/serving/http-server";
import { ModelCache } from "@/lib/serving/model-cache";
import { runConfigSchema } from "../config";
import { trainingMemoryMiB } from "../estimate";
import { loadBaseModel } from "./load";
import { BaseModelError, checkBaseModel, checkpointsRoot, listBaseModels, resolveBaseModel } from "./resolve";

const dataDir = mkdtempSync(path.join(tmpdir(), "mf-base-models-"));
const root = path.join(dataDir, "checkpoints");
const previousDataDir = process.env.DATA_DIR;
const data = { versions: [{ datanetId: "dn1", version: 1 }] };

/** The issues of a config checked against its base model (the catalog or DATA_DIR/checkpoints), as "path: message". */
function issues(input: unknown): string[] {
  return checkBaseModel(runConfigSchema.parse(input)).map((issue) => `${issue.path}: ${issue.message}`);
}

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  await initBackend({ backend: "wasm" });
  await writeTinyCheckpoint(path.join(root, "prose-tiny"), TINY_GPT2);
  await writeTinyCheckpoint(path.join(root, "llama-tiny"), TINY_LLAMA, { title: "Tiny Llama" });
  mkdirSync(path.join(root, "empty"), { recursive: true });
});

afterAll(() => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the base-model resolver", () => {
  it("finds checkpoints under DATA_DIR/checkpoints", () => {
    expect(checkpointsRoot()).toBe(root);
    expect(checkpointsRoot({})).toBe(path.resolve(".data", "checkpoints"));
    const { models, problems } = listBaseModels();
    expect(models.map((m) => `${m.source}:${m.id}`)).toEqual([
      "catalog:mf-prose-byte",
      "catalog:mf-code-byte",
      "imported:local/llama-tiny",
      "imported:local/prose-tiny",
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ id: "local/empty", problem: expect.stringMatching(/config/) }),
    ]);
  });

  it("resolves catalog and imported ids, and explains the others", () => {
    expect(resolveBaseModel("mf-prose-byte")).toMatchObject({ source: "catalog", contextLength: 256, folder: null });
    expect(resolveBaseModel("local/prose-tiny")).toMatchObject({
      source: "imported",
      family: "gpt2",
      contextLength: 24,
      shape: { layers: 2, hidden: 16, heads: 2 },
      folder: path.join(root, "prose-tiny"),
      license: { spdx: "unknown" },
    });
    expect(() => resolveBaseModel("local/empty")).toThrow(
      /^base model "local\/empty" cannot be used: missing config\.json/,
    );
    expect(() => resolveBaseModel("local/nothing")).toThrow(BaseModelError);
    expect(() => resolveBaseModel("local/nothing")).toThrow(
      /not in the catalog nor imported: choose one of mf-prose-byte, mf-code-byte, local\/llama-tiny, local\/prose-tiny/,
    );
    expect(() => resolveBaseModel("local/../prose-tiny")).toThrow(BaseModelError);
  });

  it("loads an imported checkpoint's weights and tokenizer", async () => {
    const loaded = await loadBaseModel("local/prose-tiny");
    expect(loaded.config).toMatchObject({ model_type: "gpt2", n_positions: 24 });
    expect(loaded.tokenizer.vocabSize).toBe(259);
    disposeParams(loaded.params);
  });

  it("sizes the memory estimate from the imported config", () => {
    const method = runConfigSchema.parse({ baseModel: "local/prose-tiny", data, method: { contextLength: 16 } }).method;
    const tiny = trainingMemoryMiB({ baseModel: "local/prose-tiny", method });
    const shipped = trainingMemoryMiB({ baseModel: "mf-prose-byte", method });
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(shipped);
  });
});

describe("the inference server", () => {
  it("loads imported bases in its ModelCache and lists them at /v1/models", async () => {
    const cache = new ModelCache({ adapterRoot: path.join(dataDir, "runs"), checkpointsRoot: root });
    const base = await cache.base("local/llama-tiny");
    expect(base.config).toMatchObject({ model_type: "llama", max_position_embeddings: 64 });
    expect(() => cache.base("local/empty")).toThrow(/No base model "local\/empty": .*missing config\.json/);
    const server = createInferenceServer(cache);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const body = (await (await fetch(`http://127.0.0.1:${port}/v1/models`)).json()) as {
        data: { id: string; owned_by: string }[];
      };
      expect(body.data.map((m) => `${m.owned_by}:${m.id}`)).toEqual(
        expect.arrayContaining([
          "modelfactory:mf-prose-byte",
          "imported:local/llama-tiny",
          "imported:local/prose-tiny",
        ]),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("run configs on imported checkpoints", () => {
  it("accepts local/<name> within its context length and family's modules", () => {
    expect(issues({ baseModel: "local/prose-tiny", data, method: { contextLength: 24 } })).toEqual([]);
    expect(
      issues({
        baseModel: "local/llama-tiny",
        data,
        method: { contextLength: 64, targetModules: ["q", "gate", "down"] },
      }),
    ).toEqual([]);
  });

  it("checks the context length and target modules against the imported config", () => {
    expect(issues({ baseModel: "local/prose-tiny", data, method: { contextLength: 32 } })).toEqual([
      "method.contextLength: context length must be at most 24, the context length of local/prose-tiny",
    ]);
    expect(
      issues({ baseModel: "local/prose-tiny", data, method: { contextLength: 16, targetModules: ["q", "gate"] } }),
    ).toEqual([
      expect.stringMatching(
        /^method\.targetModules\.1: LoRA target module "gate" does not exist in local\/prose-tiny \(gpt2\)/,
      ),
    ]);
  });

  it("names a broken folder's problem, or the ids there are", () => {
    expect(issues({ baseModel: "local/empty", data })).toEqual([
      expect.stringMatching(/^baseModel: base model "local\/empty" cannot be used: missing config\.json/),
    ]);
    expect(issues({ baseModel: "local/missing", data })[0]).toBe(
      'baseModel: base model "local/missing" is not in the catalog nor imported: choose one of mf-prose-byte, ' +
        "mf-code-byte, local/llama-tiny, local/prose-tiny",
    );
  });

  it("sees a folder dropped after start-up at once", async () => {
    expect(issues({ baseModel: "local/late", data, method: { contextLength: 16 } })).toHaveLength(1);
    await writeTinyCheckpoint(path.join(root, "late"), TINY_GPT2);
    expect(issues({ baseModel: "local/late", data, method: { contextLength: 16 } })).toEqual([]);
  });
});
