import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { relativeDifference } from "../kernels/test-helpers";
import { createLoraAdapter, disposeAdapter, type LoraAdapter } from "../lora/adapter";
import type { ModelConfig } from "./config";
import { forward } from "./forward";
import { createKvCache } from "./kv-cache";
import { disposeParams, initParams, type ModelParams } from "./params";
import { TINY_GPT2, TINY_LLAMA, tokenRows } from "./test-configs";

const families: [string, ModelConfig][] = [
  ["gpt2", TINY_GPT2],
  ["llama", TINY_LLAMA],
];

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
});

describe.each(families)("incremental decoding with a KV cache (%s)", (_, config) => {
  let params: ModelParams;
  let adapter: LoraAdapter;
  const vocab = config.vocab_size;

  beforeAll(() => {
    params = initParams(config, { seed: 11 });
    adapter = createLoraAdapter(config, { rank: 2, alpha: 4, dropout: 0.1, targetModules: ["q", "v"] }, { seed: 1 });
    for (const [name, variable] of adapter.params) {
      if (name.endsWith("lora_b")) variable.assign(tf.randomNormal(variable.shape, 0, 0.2, "float32", 2));
    }
  });
  afterAll(() => {
    disposeParams(params);
    disposeAdapter(adapter);
  });

  it("gives the full forward's logits, fed 4 + 1 + 3 + 1 tokens at a time", () => {
    const rows = tokenRows(2, 9, vocab);
    const before = tf.memory().numTensors;
    const cache = createKvCache(config, 2);
    tf.tidy(() => {
      const full = forward(params, config, tf.tensor2d(rows, [2, 9], "int32"), { adapter });
      let start = 0;
      for (const size of [4, 1, 3, 1]) {
        const chunk = rows.map((row) => row.slice(start, start + size));
        const logits = forward(params, config, tf.tensor2d(chunk, [2, size], "int32"), { adapter, cache });
        expect(relativeDifference(logits, full.slice([0, start, 0], [2, size, vocab]))).toBeLessThan(1e-5);
        start += size;
        expect(cache.length).toBe(start);
      }
    });
    cache.dispose();
    expect(cache.length).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("decodes a left-padded batch like each row alone", () => {
    const short = tokenRows(1, 3, vocab, 4)[0] as number[];
    const long = tokenRows(1, 5, vocab, 5)[0] as number[];
    const next = [7, 9];
    tf.tidy(() => {
      const cache = createKvCache(config, 2);
      const mask = [
        [0, 0, 1, 1, 1],
        [1, 1, 1, 1, 1],
      ];
      forward(params, config, tf.tensor2d([[0, 0, ...short], long], [2, 5], "int32"), {
        cache,
        attentionMask: tf.tensor2d(mask, [2, 5], "int32"),
      });
      const step = forward(params, config, tf.tensor2d([[next[0] as number], [next[1] as number]], [2, 1], "int32"), {
        cache,
        attentionMask: tf.tensor2d(
          mask.map((row) => [...row, 1]),
          [2, 6],
          "int32",
        ),
      });
      cache.dispose();
      const alone = (row: number[]) =>
        forward(params, config, tf.tensor2d([row], [1, row.length], "int32")).slice(
          [0, row.length - 1, 0],
          [1, 1, vocab],
        );
      expect(
        relativeDifference(step.slice([0, 0, 0], [1, 1, vocab]), alone([...short, next[0] as number])),
      ).toBeLessThan(1e-5);
      expect(
        relativeDifference(step.slice([1, 0, 0], [1, 1, vocab]), alone([...long, next[1] as number])),
      ).toBeLessThan(1e-5);
    });
  });
});

describe("KV cache limits", () => {
  it("refuses positions beyond GPT-2's learned table", () => {
    const params = initParams(TINY_GPT2);
    const cache = createKvCache(TINY_GPT2, 1);
    tf.tidy(() => {
      const tokens = tf.tensor2d([tokenRows(1, 20, 40)[0] as number[]], [1, 20], "int32");
      forward(params, TINY_GPT2, tokens, { cache });
      expect(() => forward(params, TINY_GPT2, tokens.slice([0, 0], [1, 5]) as tf.Tensor2D, { cache })).toThrow(
        /n_positions/,
      );
    });
    cache.dispose();
    disposeParams(params);
  });
});
