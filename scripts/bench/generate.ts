/**
 * `npm run bench:generate [-- --json] [--rounds N] [--warmup N] [--max-new-tokens N] [--batch N] [--backend wasm]`:
 * generation throughput (new tokens/s) of the ML engine with lib/ml/generate, on a randomly initialised
 * model of the reference size (GPT-2 family, byte vocabulary 256, d_model 128, 4 heads, 2 layers), for
 * one stream (`generate`, KV cache, token by token) and for a batch of 16 prompts (`generateBatch`).
 * Prompts are 16 tokens; every run generates exactly `--max-new-tokens` (64) greedy tokens with no stop
 * token. The context is 128 positions rather than the training reference's 64, so 16 + 64 fit.
 * After a warm-up, rounds alternate single and batch; figures are medians. Prompt processing (prefill)
 * is included in the time, as a caller sees it.
 */
import { parseArgs } from "node:util";
import { memory } from "@tensorflow/tfjs";
import {
  type GenerationModel,
  generate,
  generateBatch,
  initBackend,
  initParams,
  parseBackendChoice,
  uniformGenerator,
} from "../../lib/ml";
import { describeBackend, median, positiveInt, printTable, referenceConfig } from "./common";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    "max-new-tokens": { type: "string", default: "64" },
    batch: { type: "string", default: "16" },
    backend: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const PROMPT_LENGTH = 16;
const config = referenceConfig(128);
const options = (maxNewTokens: number) => ({ maxNewTokens, temperature: 0, seed: 0 });

function prompts(count: number): number[][] {
  const random = uniformGenerator(11);
  return Array.from({ length: count }, () => Array.from({ length: PROMPT_LENGTH }, () => Math.floor(random() * 256)));
}

/** Generates one stream token by token; returns the number of new tokens. */
async function single(model: GenerationModel, prompt: readonly number[], maxNewTokens: number): Promise<number> {
  let count = 0;
  for await (const _token of generate(model, prompt, options(maxNewTokens))) count += 1;
  return count;
}

async function batched(model: GenerationModel, batch: readonly number[][], maxNewTokens: number): Promise<number> {
  const results = await generateBatch(model, batch, options(maxNewTokens));
  return results.reduce((sum, result) => sum + result.tokens.length, 0);
}

async function main() {
  const info = await initBackend({ backend: parseBackendChoice(args.backend ?? process.env.ML_BACKEND) });
  const rounds = positiveInt("rounds", args.rounds);
  const maxNewTokens = positiveInt("max-new-tokens", args["max-new-tokens"]);
  const batchSize = positiveInt("batch", args.batch);
  const warmup = Number(args.warmup);
  const model: GenerationModel = { params: initParams(config, { seed: 1 }), config };
  const batch = prompts(batchSize);
  const one = batch[0] as number[];
  const expected = { single: maxNewTokens, batch: maxNewTokens * batchSize };

  const runs = {
    single: () => single(model, one, maxNewTokens),
    batch: () => batched(model, batch, maxNewTokens),
  };
  type Kind = keyof typeof runs;
  const kinds: Kind[] = ["single", "batch"];
  for (let i = 0; i < warmup; i++) for (const kind of kinds) await runs[kind]();
  if (!args.json) {
    console.log(
      `prompt ${PROMPT_LENGTH} tokens, ${maxNewTokens} new greedy tokens, batch ${batchSize}; ${rounds} rounds (${describeBackend(info)})`,
    );
  }
  const rates: Record<Kind, number[]> = { single: [], batch: [] };
  const latencies: Record<Kind, number[]> = { single: [], batch: [] };
  for (let round = 0; round < rounds; round++) {
    for (const kind of kinds) {
      const started = performance.now();
      const tokens = await runs[kind]();
      const seconds = (performance.now() - started) / 1000;
      if (tokens !== expected[kind]) throw new Error(`${kind}: generated ${tokens} tokens, expected ${expected[kind]}`);
      rates[kind].push(tokens / seconds);
      latencies[kind].push(seconds * 1000);
    }
  }

  const summary = {
    single: Math.round(median(rates.single)),
    batch: Math.round(median(rates.batch)),
  };
  if (args.json) {
    for (const kind of kinds) {
      console.log(
        JSON.stringify({
          bench: "generate",
          mode: kind,
          backend: info.name,
          tokensPerSecond: summary[kind],
          batch: kind === "single" ? 1 : batchSize,
          promptTokens: PROMPT_LENGTH,
          maxNewTokens,
          msPerRun: Math.round(median(latencies[kind])),
          rounds,
          samples: rates[kind].map(Math.round),
          simd: info.simd,
          accelerators: info.accelerators,
        }),
      );
    }
    console.log(
      JSON.stringify({
        bench: "generate",
        summary: { ...summary, batchSpeedup: Number((summary.batch / summary.single).toFixed(2)) },
      }),
    );
    return;
  }
  console.log("");
  printTable(
    ["mode", "batch", "new tokens/s", "ms per run", "ms per step"],
    kinds.map((kind) => {
      const ms = median(latencies[kind]);
      return [
        kind,
        String(kind === "single" ? 1 : batchSize),
        String(summary[kind]),
        ms.toFixed(0),
        (ms / maxNewTokens).toFixed(1),
      ];
    }),
  );
  console.log(`batch/single throughput: ${(summary.batch / summary.single).toFixed(2)}×`);
  console.log(`tensors alive: ${memory().numTensors}`);
}

await main();
