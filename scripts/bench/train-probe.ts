/**
 * Throughput probe for the ML engine (not a test): trains the reference configuration — GPT-2 family,
 * byte vocabulary 256, d_model 128, 4 heads, 2 layers, context 64, batch 16, Adam; LoRA rank 8 on
 * q, k, v, o — and prints tokens/s for full and LoRA training, alternating rounds after a warm-up.
 *
 *   node --import tsx scripts/bench/train-probe.ts [--rounds 5] [--steps 10] [--backend wasm] [--json]
 */
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs";
import {
  createLoraAdapter,
  crossEntropy,
  forward,
  initBackend,
  initParams,
  type LoraAdapter,
  type ModelConfig,
  type ModelParams,
  parseBackendChoice,
  parseModelConfig,
  uniformGenerator,
} from "../../lib/ml";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    steps: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    backend: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const BATCH = 16;
const CONTEXT = 64;
const config = parseModelConfig({
  model_type: "gpt2",
  vocab_size: 256,
  n_positions: CONTEXT,
  n_embd: 128,
  n_head: 4,
  n_layer: 2,
});
const corpus = Buffer.from(
  "0x1f transfer 100 tokens to alice; 0x2e transfer 250 tokens to bob; reward split: alice 60%, bob 40%. ".repeat(200),
);
const random = uniformGenerator(7);

/** A batch of random windows of the corpus: inputs [B, T] and next-byte targets [B·T]. */
function batch(): { tokens: tf.Tensor2D; targets: tf.Tensor1D } {
  const inputs = new Int32Array(BATCH * CONTEXT);
  const targets = new Int32Array(BATCH * CONTEXT);
  for (let b = 0; b < BATCH; b++) {
    const start = Math.floor(random() * (corpus.length - CONTEXT - 1));
    for (let t = 0; t < CONTEXT; t++) {
      inputs[b * CONTEXT + t] = corpus[start + t] as number;
      targets[b * CONTEXT + t] = corpus[start + t + 1] as number;
    }
  }
  return { tokens: tf.tensor2d(inputs, [BATCH, CONTEXT], "int32"), targets: tf.tensor1d(targets, "int32") };
}

interface Trainer {
  mode: "full" | "lora";
  step(): Promise<number>;
}

function trainer(mode: Trainer["mode"], params: ModelParams, model: ModelConfig, adapter?: LoraAdapter): Trainer {
  const optimizer = tf.train.adam(3e-3);
  const variables = adapter ? [...adapter.params.values()] : [...params.values()];
  return {
    mode,
    async step() {
      const { tokens, targets } = batch();
      const cost = optimizer.minimize(
        () => {
          const logits = forward(params, model, tokens, { adapter, training: true, seed: 0 });
          return crossEntropy(logits.reshape([BATCH * CONTEXT, model.vocab_size]) as tf.Tensor2D, targets);
        },
        true,
        variables,
      ) as tf.Scalar;
      const loss = (await cost.data())[0] as number;
      tf.dispose([cost, tokens, targets]);
      return loss;
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main() {
  const info = await initBackend({ backend: parseBackendChoice(args.backend ?? process.env.ML_BACKEND) });
  const rounds = Number(args.rounds);
  const steps = Number(args.steps);
  const trainers = [
    trainer("full", initParams(config, { seed: 1 }), config),
    trainer(
      "lora",
      initParams(config, { seed: 2 }),
      config,
      createLoraAdapter(config, { rank: 8, alpha: 16, dropout: 0, targetModules: ["q", "k", "v", "o"] }, { seed: 3 }),
    ),
  ];
  for (const t of trainers) for (let i = 0; i < Number(args.warmup); i++) await t.step();
  const rates: Record<string, number[]> = { full: [], lora: [] };
  const losses: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const t of trainers) {
      const started = performance.now();
      for (let i = 0; i < steps; i++) losses[t.mode] = await t.step();
      rates[t.mode]?.push((steps * BATCH * CONTEXT) / ((performance.now() - started) / 1000));
    }
  }
  for (const t of trainers) {
    const tokensPerSecond = Math.round(median(rates[t.mode] ?? []));
    if (args.json) {
      console.log(JSON.stringify({ bench: "train-probe", mode: t.mode, backend: info.name, tokensPerSecond, ...info }));
    } else {
      console.log(
        `${t.mode.padEnd(5)} ${String(tokensPerSecond).padStart(7)} tokens/s  (median of ${rounds} rounds × ${steps} steps; ` +
          `last loss ${losses[t.mode]?.toFixed(3)}; ${info.name}${info.simd ? " simd" : ""}, accelerators: ${info.accelerators.join(", ") || "none"})`,
      );
    }
  }
  if (!args.json) console.log(`tensors alive: ${tf.memory().numTensors}`);
}

await main();
