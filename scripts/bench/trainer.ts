/** The training step the benchmarks time: the loop's step (batch, gradients, clipping, AdamW) minus its callbacks. */
import type * as tf from "@tensorflow/tfjs";
import {
  AdamW,
  accumulateGradients,
  clipByGlobalNorm,
  createLoraAdapter,
  type LoraConfig,
  type ModelConfig,
  type ModelParams,
  mixSeeds,
  randomWindowSource,
} from "../../lib/ml";

/** Text the benchmarks train on (throughput does not depend on it). */
export const BENCH_CORPUS = Buffer.from(
  "0x1f transfer 100 tokens to alice; 0x2e transfer 250 tokens to bob; reward split: alice 60%, bob 40%. ".repeat(200),
);

/** What one benchmark trainer trains: a model, LoRA or not, on batches of a shape. */
export interface TrainerSetup {
  config: ModelConfig;
  params: ModelParams;
  /** LoRA adapter to train over the frozen params; full fine-tuning without it. */
  lora?: LoraConfig;
  batch: number;
  length: number;
}

/** One engine trainer with its own data stream and AdamW; step() returns the step's loss. */
export function engineTrainer(setup: TrainerSetup) {
  const { config, params } = setup;
  const adapter = setup.lora ? createLoraAdapter(config, setup.lora, { seed: 3 }) : undefined;
  const trainable: ReadonlyMap<string, tf.Variable> = adapter ? adapter.params : (params as Map<string, tf.Variable>);
  const model = { params, config, adapter };
  const data = randomWindowSource(BENCH_CORPUS, { batch: setup.batch, length: setup.length, seed: 7 });
  const optimizer = new AdamW();
  let step = 0;
  return {
    tokensPerStep: setup.batch * setup.length,
    step(): number {
      const result = accumulateGradients(model, trainable, [data.next()], mixSeeds(0, step));
      try {
        clipByGlobalNorm(result.grads, Number.POSITIVE_INFINITY);
        optimizer.apply(trainable, result.grads, 3e-3);
      } finally {
        for (const g of result.grads.values()) g.dispose();
      }
      step += 1;
      return result.loss;
    },
  };
}
