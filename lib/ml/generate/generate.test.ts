import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../backend/init";
import { createLoraAdapter, disposeAdapter, type LoraAdapter } from "../lora/adapter";
import type { ModelConfig } from "../model/config";
import { forward } from "../model/forward";
import { disposeParams, initParams } from "../model/params";
import { TINY_GPT2, TINY_LLAMA, tokenRows } from "../model/test-configs";
import type { Tokenizer } from "../tokenizers/types";
import { generateBatch } from "./batch";
import { generate, generateText } from "./generate";
import type { GenerationModel } from "./options";
import { argmax } from "./sampling";

const families: [string, ModelConfig][] = [
  ["gpt2", TINY_GPT2],
  ["llama", TINY_LLAMA],
];

/** A one-character-per-id tokenizer over the tiny vocabulary (ids 0–39 → "a"–"z", "A"–"N"). */
function letterTokenizer(vocabSize: number): Tokenizer {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const encoder = new TextEncoder();
  return {
    name: "letters",
    spec: { type: "byte" },
    vocabSize,
    addBos: false,
    specialTokens: {},
    encode: (text) => Array.from(text, (ch) => letters.indexOf(ch)),
    decode: (ids) => Array.from(ids, (id) => letters[id]).join(""),
    tokenBytes: (id) => encoder.encode(letters[id]),
  };
}

/** Greedy decoding by re-running the full forward on the whole sequence at every step (no cache). */
function greedyWithoutCache(model: GenerationModel, prompt: number[], steps: number): number[] {
  const ids = [...prompt];
  for (let i = 0; i < steps; i++) {
    const row = tf.tidy(() => {
      const logits = forward(model.params, model.config, tf.tensor2d([ids], [1, ids.length], "int32"), {
        adapter: model.adapter,
      });
      return logits.slice([0, ids.length - 1, 0], [1, 1, model.config.vocab_size]).dataSync();
    });
    ids.push(argmax(row));
  }
  return ids.slice(prompt.length);
}

beforeAll(async () => {
  await initBackend({ backend: "wasm" });
});

describe.each(families)("generation (%s)", (_, config) => {
  let model: GenerationModel;
  let adapter: LoraAdapter;
  const prompt = tokenRows(1, 5, config.vocab_size, 3)[0] as number[];
  const tokenizer = letterTokenizer(config.vocab_size);

  beforeAll(() => {
    adapter = createLoraAdapter(config, { rank: 2, alpha: 4, dropout: 0, targetModules: ["q", "v"] }, { seed: 1 });
    for (const [name, variable] of adapter.params) {
      if (name.endsWith("lora_b")) variable.assign(tf.randomNormal(variable.shape, 0, 0.2, "float32", 2));
    }
    // A larger init than the default, so the logits are peaked enough for greedy decoding to vary.
    model = { params: initParams({ ...config, initializer_range: 0.3 }, { seed: 5 }), config, adapter };
  });
  afterAll(() => {
    disposeParams(model.params);
    disposeAdapter(adapter);
  });

  it("greedy with the KV cache equals re-running the full forward each step, and leaks nothing", async () => {
    const before = tf.memory().numTensors;
    const result = await generateText(model, prompt, { temperature: 0, maxNewTokens: 8 });
    expect(result.finishReason).toBe("length");
    expect(result.tokens).toEqual(greedyWithoutCache(model, prompt, 8));
    expect(tf.memory().numTensors).toBe(before);
  });

  it("samples the same tokens from the same seed, others from another", async () => {
    const sample = (seed: number) => generateText(model, prompt, { temperature: 2, maxNewTokens: 12, seed });
    const [a, b, c] = await Promise.all([sample(1), sample(1), sample(2)]);
    expect(a.tokens).toEqual(b.tokens);
    expect(a.tokens).not.toEqual(c.tokens);
  });

  it("equals greedy with top-k 1 or a tiny top-p", async () => {
    const greedy = await generateText(model, prompt, { temperature: 0, maxNewTokens: 6 });
    const topK = await generateText(model, prompt, { temperature: 1.5, topK: 1, maxNewTokens: 6, seed: 3 });
    const topP = await generateText(model, prompt, { temperature: 1.5, topP: 1e-6, maxNewTokens: 6, seed: 3 });
    expect(topK.tokens).toEqual(greedy.tokens);
    expect(topP.tokens).toEqual(greedy.tokens);
  });

  it("streams text and stops at a stop token id, yielding it last", async () => {
    const all = await generateText(model, prompt, { maxNewTokens: 10, seed: 4, tokenizer });
    expect(all.text).toBe(tokenizer.decode(all.tokens));
    const stopId = all.tokens[4] as number;
    const end = all.tokens.indexOf(stopId);
    const before = tf.memory().numTensors;
    const stopped = await generateText(model, prompt, {
      maxNewTokens: 10,
      seed: 4,
      tokenizer,
      stop: { tokenIds: [stopId] },
    });
    expect(stopped.finishReason).toBe("stop");
    expect(stopped.tokens).toEqual(all.tokens.slice(0, end + 1));
    expect(stopped.text).toBe(all.text.slice(0, end));
    expect(tf.memory().numTensors).toBe(before);
  });

  it("stops at a stop sequence, which is not emitted", async () => {
    const all = await generateText(model, prompt, { maxNewTokens: 10, seed: 4, tokenizer });
    const sequence = all.text.slice(3, 5);
    const at = all.text.indexOf(sequence);
    const pieces: string[] = [];
    const stream = generate(model, prompt, {
      maxNewTokens: 10,
      seed: 4,
      tokenizer,
      stop: { sequences: [sequence, "zzzz"] },
    });
    let next = await stream.next();
    let last: { finishReason?: string } = {};
    while (!next.done) {
      pieces.push(next.value.text ?? "");
      last = next.value;
      next = await stream.next();
    }
    expect(next.value).toBe("stop");
    expect(last.finishReason).toBe("stop");
    expect(pieces.join("")).toBe(all.text.slice(0, at));
    expect(pieces.length).toBe(at + sequence.length);
  });

  it("ends at maxNewTokens and at the context length with finishReason length", async () => {
    expect((await generateText(model, prompt, { maxNewTokens: 3 })).tokens).toHaveLength(3);
    const context = config.model_type === "gpt2" ? config.n_positions : config.max_position_embeddings;
    const long = tokenRows(1, context - 2, config.vocab_size, 9)[0] as number[];
    const clamped = await generateText(model, long, { maxNewTokens: 10 });
    expect(clamped).toMatchObject({ finishReason: "length" });
    expect(clamped.tokens).toHaveLength(2);
    expect((await generateText(model, prompt, { maxNewTokens: 0 })).tokens).toEqual([]);
    await expect(generateText(model, [...long, 1, 2, 3], {})).rejects.toThrow(RangeError);
  });

  it("stops on abort, also when the consumer breaks off, without leaking", async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const stream = generate(model, prompt, { maxNewTokens: 10, signal: controller.signal });
    const ids: number[] = [];
    let next = await stream.next();
    while (!next.done) {
      ids.push(next.value.id);
      if (ids.length === 2) controller.abort();
      next = await stream.next();
    }
    expect(next.value).toBe("abort");
    expect(ids).toHaveLength(2);
    expect(await generateText(model, prompt, { signal: controller.signal })).toEqual({
      text: "",
      tokens: [],
      finishReason: "abort",
    });
    for await (const token of generate(model, prompt, { maxNewTokens: 10 })) if (token.id >= 0) break;
    expect(tf.memory().numTensors).toBe(before);
  });

  it("generates a batch of prompts of different lengths like each alone (greedy), without leaking", async () => {
    const prompts = [
      prompt,
      tokenRows(1, 2, config.vocab_size, 6)[0] as number[],
      tokenRows(1, 7, config.vocab_size, 7)[0] as number[],
    ];
    const alone = await Promise.all(
      prompts.map((p) => generateText(model, p, { temperature: 0, maxNewTokens: 6, tokenizer })),
    );
    // A stop token that ends one row early, so rows finish at different steps.
    const stopId = alone[1]?.tokens[2] as number;
    const options = { temperature: 0, maxNewTokens: 6, tokenizer, stop: { tokenIds: [stopId] } };
    const expected = await Promise.all(prompts.map((p) => generateText(model, p, options)));
    const before = tf.memory().numTensors;
    const batch = await generateBatch(model, prompts, options);
    expect(batch).toEqual(expected);
    expect(batch.some((r) => r.finishReason === "stop")).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("samples batch row 0 like generate alone with the same seed, and aborts every row", async () => {
    const other = tokenRows(1, 3, config.vocab_size, 8)[0] as number[];
    const options = { temperature: 1.5, topK: 20, topP: 0.9, maxNewTokens: 6, seed: 11 };
    const [first] = await generateBatch(model, [prompt, other], options);
    expect(first).toEqual(await generateText(model, prompt, options));
    const controller = new AbortController();
    controller.abort();
    const aborted = await generateBatch(model, [prompt, other], { ...options, signal: controller.signal });
    expect(aborted.map((r) => r.finishReason)).toEqual(["abort", "abort"]);
    expect(await generateBatch(model, [], options)).toEqual([]);
  });
});
