import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { parseModelConfig } from "./config-parse";
import { parameterSpecs } from "./param-specs";
import { countParameters, disposeParams, initParams } from "./params";
import { TINY_GPT2, TINY_LLAMA } from "./test-configs";

describe("parameters", () => {
  beforeAll(async () => {
    await initBackend({ backend: "wasm" });
  });

  it("names and shapes GPT-2's weights [in, out], as documented in param-names.ts", () => {
    const specs = new Map(parameterSpecs(TINY_GPT2).map((s) => [s.name, s.shape]));
    expect(specs.get("embed.tokens")).toEqual([40, 16]);
    expect(specs.get("embed.positions")).toEqual([24, 16]);
    expect(specs.get("layers.1.attn.q.weight")).toEqual([16, 16]);
    expect(specs.get("layers.1.attn.q.bias")).toEqual([16]);
    expect(specs.get("layers.0.mlp.fc.weight")).toEqual([16, 64]);
    expect(specs.get("layers.0.mlp.proj.weight")).toEqual([64, 16]);
    expect(specs.get("final_norm.bias")).toEqual([16]);
    expect(specs.has("lm_head.weight")).toBe(false);
  });

  it("names and shapes Llama's, grouped-query k/v and untied head included", () => {
    const specs = new Map(parameterSpecs(TINY_LLAMA).map((s) => [s.name, s.shape]));
    expect(specs.get("layers.0.attn.q.weight")).toEqual([16, 16]);
    expect(specs.get("layers.0.attn.k.weight")).toEqual([16, 8]);
    expect(specs.get("layers.0.mlp.gate.weight")).toEqual([16, 24]);
    expect(specs.get("layers.0.mlp.down.weight")).toEqual([24, 16]);
    expect(specs.get("lm_head.weight")).toEqual([16, 40]);
    expect(specs.has("layers.0.attn.q.bias")).toBe(false);
    expect(specs.has("layers.0.attn_norm.bias")).toBe(false);
  });

  it("counts GPT-2 small's 124,439,808 parameters", () => {
    const small = parseModelConfig({
      model_type: "gpt2",
      vocab_size: 50257,
      n_positions: 1024,
      n_embd: 768,
      n_layer: 12,
      n_head: 12,
    });
    expect(parameterSpecs(small).reduce((sum, s) => sum + tf.util.sizeFromShape(s.shape), 0)).toBe(124_439_808);
  });

  it("initialises deterministically from the seed, per parameter name", () => {
    const a = initParams(TINY_LLAMA, { seed: 1 });
    const b = initParams(TINY_LLAMA, { seed: 1 });
    const c = initParams(TINY_LLAMA, { seed: 2 });
    const values = (p: typeof a, name: string) => Array.from(p.get(name)?.dataSync() ?? []);
    expect(values(a, "layers.1.attn.v.weight")).toEqual(values(b, "layers.1.attn.v.weight"));
    expect(values(a, "layers.1.attn.v.weight")).not.toEqual(values(c, "layers.1.attn.v.weight"));
    expect(values(a, "layers.0.attn.v.weight")).not.toEqual(values(a, "layers.1.attn.v.weight"));
    expect(values(a, "final_norm.weight")).toEqual(Array(16).fill(1));
    expect(countParameters(a)).toBe(parameterSpecs(TINY_LLAMA).reduce((n, s) => n + tf.util.sizeFromShape(s.shape), 0));
    for (const p of [a, b, c]) disposeParams(p);
  });
});
