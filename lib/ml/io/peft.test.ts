import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { relativeDifference } from "../kernels/test-helpers";
import { createLoraAdapter, disposeAdapter, type LoraAdapter } from "../lora/adapter";
import type { LoraConfig } from "../lora/config";
import { classify } from "../model/classify";
import type { ModelConfig } from "../model/config";
import { forward } from "../model/forward";
import type { ProjectionModule } from "../model/param-names";
import { disposeParams, initParams, type ModelParams, type ReadonlyParams } from "../model/params";
import { TINY_GPT2, TINY_LLAMA, tokenRows } from "../model/test-configs";
import { CheckpointError } from "./hf-checkpoint";
import { exportPeftAdapter } from "./peft-export";
import { importPeftAdapter } from "./peft-import";
import { loadSafetensors, type TensorInput, writeSafetensors } from "./safetensors";

let root: string;
let counter = 0;
const freshDir = () => mkdtemp(path.join(root, `a${counter++}-`));

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
  root = await mkdtemp(path.join(tmpdir(), "peft-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** An adapter whose B factors are random too, so that it changes the logits. */
function trainedAdapter(config: ModelConfig, lora: LoraConfig, numLabels?: number): LoraAdapter {
  const adapter = createLoraAdapter(config, lora, numLabels === undefined ? { seed: 5 } : { seed: 5, numLabels });
  let seed = 100;
  for (const [name, variable] of adapter.params) {
    if (name.endsWith(".lora_b"))
      variable.assign(tf.tidy(() => tf.randomNormal(variable.shape, 0, 0.2, "float32", seed++)));
  }
  return adapter;
}

const tokensFor = (config: ModelConfig) => tf.tensor2d(tokenRows(2, 7, config.vocab_size), [2, 7], "int32");

function logits(params: ReadonlyParams, config: ModelConfig, adapter?: LoraAdapter): tf.Tensor {
  return tf.tidy(() => forward(params, config, tokensFor(config), adapter ? { adapter } : {}));
}

const cases: [string, ModelConfig, ProjectionModule[]][] = [
  ["gpt2, every module", TINY_GPT2, ["q", "k", "v", "o", "fc", "proj"]],
  ["gpt2, q and v with o", TINY_GPT2, ["q", "v", "o"]],
  ["gpt2, proj only", TINY_GPT2, ["proj"]],
  ["llama, every module", TINY_LLAMA, ["q", "k", "v", "o", "gate", "up", "down"]],
  ["llama, q and v", TINY_LLAMA, ["q", "v"]],
];

describe.each(cases)("PEFT adapter round trip (%s)", (_, config, targetModules) => {
  let base: ModelParams;
  beforeAll(() => {
    base = initParams(config, { seed: 2 });
  });
  afterAll(() => disposeParams(base));

  it("export then import gives the same configuration, factors and identical logits", async () => {
    const adapter = trainedAdapter(config, { rank: 2, alpha: 6, dropout: 0.05, targetModules });
    const dir = await freshDir();
    await exportPeftAdapter(dir, adapter, { baseModelNameOrPath: "tiny/base", config });
    const imported = await importPeftAdapter(dir, config);
    expect(imported.config).toEqual(adapter.config);
    expect([...imported.params.keys()]).toEqual([...adapter.params.keys()]);
    for (const [name, tensor] of adapter.params) {
      expect(Array.from(imported.params.get(name)?.dataSync() ?? []), name).toEqual(Array.from(tensor.dataSync()));
    }
    const expected = logits(base, config, adapter);
    const actual = logits(base, config, imported);
    const without = logits(base, config);
    expect(relativeDifference(actual, expected)).toBe(0);
    expect(relativeDifference(without, expected)).toBeGreaterThan(1e-3);
    tf.dispose([expected, actual, without]);
    disposeAdapter(adapter);
    disposeAdapter(imported);
  });
});

describe("PEFT files", () => {
  it("writes PEFT's config fields and key names and layouts (Llama)", async () => {
    const adapter = trainedAdapter(TINY_LLAMA, { rank: 2, alpha: 4, dropout: 0.1, targetModules: ["q", "down"] });
    const dir = await freshDir();
    await exportPeftAdapter(dir, adapter, { baseModelNameOrPath: "org/tiny-llama", config: TINY_LLAMA });
    const written = JSON.parse(await readFile(path.join(dir, "adapter_config.json"), "utf8"));
    expect(written).toMatchObject({
      peft_type: "LORA",
      task_type: "CAUSAL_LM",
      base_model_name_or_path: "org/tiny-llama",
      r: 2,
      lora_alpha: 4,
      lora_dropout: 0.1,
      target_modules: ["q_proj", "down_proj"],
      bias: "none",
      modules_to_save: null,
    });
    const { tensors } = await loadSafetensors(path.join(dir, "adapter_model.safetensors"));
    expect(tensors.get("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight")?.shape).toEqual([2, 16]);
    expect(tensors.get("base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight")?.shape).toEqual([16, 2]);
    expect(tensors.get("base_model.model.model.layers.1.mlp.down_proj.lora_A.weight")?.shape).toEqual([2, 24]);
    expect(tensors.get("base_model.model.model.layers.1.mlp.down_proj.lora_B.weight")?.shape).toEqual([16, 2]);
    expect(tensors.size).toBe(8);
    // lora_A is the engine's A transposed.
    const a = adapter.params.get("layers.0.attn.q.lora_a") as tf.Tensor;
    const aT = tf.transpose(a);
    expect(
      Array.from(tensors.get("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight")?.data as Float32Array),
    ).toEqual(Array.from(aT.dataSync()));
    aT.dispose();
    disposeAdapter(adapter);
  });

  it("writes GPT-2's q, k, v as a fused c_attn of rank 3r with alpha tripled", async () => {
    const adapter = trainedAdapter(TINY_GPT2, {
      rank: 2,
      alpha: 4,
      dropout: 0,
      targetModules: ["q", "v", "o", "proj"],
    });
    const dir = await freshDir();
    await exportPeftAdapter(dir, adapter, { baseModelNameOrPath: "gpt2-tiny", config: TINY_GPT2 });
    const written = JSON.parse(await readFile(path.join(dir, "adapter_config.json"), "utf8"));
    expect(written).toMatchObject({
      target_modules: ["c_attn", "attn.c_proj", "mlp.c_proj"],
      fan_in_fan_out: true,
      rank_pattern: { c_attn: 6 },
      alpha_pattern: { c_attn: 12 },
    });
    const { tensors } = await loadSafetensors(path.join(dir, "adapter_model.safetensors"));
    expect(tensors.get("base_model.model.transformer.h.0.attn.c_attn.lora_A.weight")?.shape).toEqual([6, 16]);
    expect(tensors.get("base_model.model.transformer.h.0.attn.c_attn.lora_B.weight")?.shape).toEqual([48, 6]);
    expect(tensors.get("base_model.model.transformer.h.1.mlp.c_proj.lora_A.weight")?.shape).toEqual([2, 64]);
    disposeAdapter(adapter);
  });

  it("round-trips a classifier head as modules_to_save score (SEQ_CLS)", async () => {
    const adapter = trainedAdapter(TINY_LLAMA, { rank: 2, alpha: 2, dropout: 0, targetModules: ["q", "v"] }, 3);
    const dir = await freshDir();
    await exportPeftAdapter(dir, adapter, { baseModelNameOrPath: "x", config: TINY_LLAMA });
    const written = JSON.parse(await readFile(path.join(dir, "adapter_config.json"), "utf8"));
    expect(written).toMatchObject({ task_type: "SEQ_CLS", modules_to_save: ["score"] });
    const { tensors } = await loadSafetensors(path.join(dir, "adapter_model.safetensors"));
    expect(tensors.get("base_model.model.score.weight")?.shape).toEqual([3, 16]);
    const imported = await importPeftAdapter(dir, TINY_LLAMA);
    expect(Array.from(imported.params.get("classifier.weight")?.dataSync() ?? [])).toEqual(
      Array.from(adapter.params.get("classifier.weight")?.dataSync() ?? []),
    );
    const base = initParams(TINY_LLAMA, { seed: 2 });
    tf.tidy(() => {
      const tokens = tokensFor(TINY_LLAMA);
      const expected = classify(base, TINY_LLAMA, tokens, { adapter });
      const actual = classify(base, TINY_LLAMA, tokens, { adapter: imported });
      expect(relativeDifference(actual, expected)).toBe(0);
    });
    disposeParams(base);
    disposeAdapter(adapter);
    disposeAdapter(imported);
  });
});

describe("PEFT import of adapters PEFT itself wrote for GPT-2", () => {
  const r = 4;
  const d = 16;
  const fused = (layer: number, seed: number, rank = r) => ({
    [`base_model.model.transformer.h.${layer}.attn.c_attn.lora_A.weight`]: tf.randomNormal(
      [rank, d],
      0,
      0.3,
      "float32",
      seed,
    ),
    [`base_model.model.transformer.h.${layer}.attn.c_attn.lora_B.weight`]: tf.randomNormal(
      [3 * d, rank],
      0,
      0.3,
      "float32",
      seed + 1,
    ),
  });
  const attnProj = (layer: number, seed: number, rank = r) => ({
    [`base_model.model.transformer.h.${layer}.attn.c_proj.lora_A.weight`]: tf.randomNormal(
      [rank, d],
      0,
      0.3,
      "float32",
      seed,
    ),
    [`base_model.model.transformer.h.${layer}.attn.c_proj.lora_B.weight`]: tf.randomNormal(
      [d, rank],
      0,
      0.3,
      "float32",
      seed + 1,
    ),
  });
  async function writeAdapter(dir: string, config: Record<string, unknown>, tensors: Record<string, tf.Tensor>) {
    const inputs = new Map<string, TensorInput>();
    for (const [name, t] of Object.entries(tensors)) {
      inputs.set(name, { dtype: "F32", shape: t.shape, data: t.dataSync() as Float32Array });
    }
    await writeFile(path.join(dir, "adapter_config.json"), JSON.stringify(config));
    await writeFile(path.join(dir, "adapter_model.safetensors"), writeSafetensors(inputs));
  }
  const peftConfig = {
    peft_type: "LORA",
    task_type: "CAUSAL_LM",
    r,
    lora_alpha: 8,
    lora_dropout: 0,
    bias: "none",
    fan_in_fan_out: true,
  };

  it.each([
    ["c_attn alone", false],
    ["c_attn with attn.c_proj at the same rank", true],
  ])("maps a dense fused LoRA exactly (%s): q, k, v share A and take their third of B", async (_, withProj) => {
    const tensors: Record<string, tf.Tensor> = { ...fused(0, 11), ...fused(1, 21) };
    if (withProj) Object.assign(tensors, attnProj(0, 61), attnProj(1, 71));
    const dir = await freshDir();
    await writeAdapter(
      dir,
      { ...peftConfig, target_modules: withProj ? ["c_attn", "attn.c_proj"] : ["c_attn"] },
      tensors,
    );
    const adapter = await importPeftAdapter(dir, TINY_GPT2);
    expect(adapter.config).toEqual({
      rank: r,
      alpha: 8,
      dropout: 0,
      targetModules: withProj ? ["q", "k", "v", "o"] : ["q", "k", "v"],
    });
    // Expected: the base with each Conv1D weight W [in, out] + (alpha/r)·Aᵀ Bᵀ; c_attn's split into q, k, v.
    const base = initParams(TINY_GPT2, { seed: 2 });
    const merged = new Map<string, tf.Tensor>(base);
    const created: tf.Tensor[] = [];
    const addDelta = (name: string, delta: tf.Tensor) => {
      const sum = (merged.get(name) as tf.Tensor).add(delta);
      created.push(sum);
      merged.set(name, sum);
    };
    for (let layer = 0; layer < 2; layer++) {
      const factor = (module: string, f: "A" | "B") =>
        tensors[`base_model.model.transformer.h.${layer}.attn.${module}.lora_${f}.weight`] as tf.Tensor;
      const delta = tf.tidy(() =>
        tf.split(tf.matMul(factor("c_attn", "A"), factor("c_attn", "B"), true, true).mul(8 / r), 3, 1),
      );
      ["q", "k", "v"].forEach((m, i) => {
        addDelta(`layers.${layer}.attn.${m}.weight`, delta[i] as tf.Tensor);
      });
      tf.dispose(delta);
      if (withProj) {
        const o = tf.tidy(() => tf.matMul(factor("c_proj", "A"), factor("c_proj", "B"), true, true).mul(8 / r));
        addDelta(`layers.${layer}.attn.o.weight`, o);
        o.dispose();
      }
    }
    const expected = logits(merged, TINY_GPT2);
    const actual = logits(base, TINY_GPT2, adapter);
    expect(relativeDifference(actual, expected)).toBeLessThanOrEqual(1e-5);
    tf.dispose([expected, actual, ...created, ...Object.values(tensors)]);
    disposeParams(base);
    disposeAdapter(adapter);
  });

  it("refuses a fused c_attn LoRA whose rank differs from the other targets' and is not block-structured", async () => {
    const tensors: Record<string, tf.Tensor> = {
      ...fused(0, 31, 6),
      ...fused(1, 41, 6),
      ...attnProj(0, 81),
      ...attnProj(1, 91),
    };
    const dir = await freshDir();
    await writeAdapter(
      dir,
      { ...peftConfig, target_modules: ["c_attn", "attn.c_proj"], rank_pattern: { c_attn: 6 } },
      tensors,
    );
    const before = tf.memory().numTensors;
    await expect(importPeftAdapter(dir, TINY_GPT2)).rejects.toThrow(CheckpointError);
    await expect(importPeftAdapter(dir, TINY_GPT2)).rejects.toThrow("not block-diagonal");
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(tensors));
  });

  it("refuses tensors it cannot map", async () => {
    const tensors: Record<string, tf.Tensor> = {
      ...fused(0, 101),
      ...fused(1, 111),
      "base_model.model.transformer.wte.lora_embedding_A": tf.zeros([r, 40]),
    };
    const dir = await freshDir();
    await writeAdapter(dir, { ...peftConfig, target_modules: ["c_attn", "wte"] }, tensors);
    await expect(importPeftAdapter(dir, TINY_GPT2)).rejects.toThrow(
      "base_model.model.transformer.wte.lora_embedding_A",
    );
    tf.dispose(Object.values(tensors));
  });

  it("names a misshaped factor", async () => {
    const tensors: Record<string, tf.Tensor> = { ...fused(0, 121), ...fused(1, 131) };
    const bad = "base_model.model.transformer.h.1.attn.c_attn.lora_B.weight";
    tf.dispose(tensors[bad] as tf.Tensor);
    tensors[bad] = tf.zeros([47, r]);
    const dir = await freshDir();
    await writeAdapter(dir, { ...peftConfig, target_modules: ["c_attn"] }, tensors);
    await expect(importPeftAdapter(dir, TINY_GPT2)).rejects.toThrow(
      `tensor "${bad}" has shape [47, 4], expected [48, 4]`,
    );
    tf.dispose(Object.values(tensors));
  });

  it("names a missing factor", async () => {
    const tensors = fused(0, 51); // layer 1 absent
    const dir = await freshDir();
    await writeAdapter(dir, { ...peftConfig, target_modules: ["c_attn"] }, tensors);
    await expect(importPeftAdapter(dir, TINY_GPT2)).rejects.toThrow(
      'adapter is missing tensor "base_model.model.transformer.h.1.attn.c_attn.lora_A.weight"',
    );
    tf.dispose(Object.values(tensors));
  });
});
