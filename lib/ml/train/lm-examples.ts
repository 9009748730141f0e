import type { PackedWindows } from "../data/packing";
import { type EncodedInstruction, shiftForNextToken } from "../data/template";
import type { BatchSource, TrainBatch } from "./batch";
import { type ExampleSourceOptions, exampleBatches, exampleSource } from "./example-source";

/**
 * One causal-LM training row: input ids, the next-token target of each, and a loss weight per target
 * (0 leaves it out: a prompt token, padding). At most the batch length long; shorter rows are padded.
 */
export interface LmExample {
  inputs: ArrayLike<number>;
  targets: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/** Shape of LM batches: rows per batch, row length (the context length) and the padding id. */
export interface LmBatchOptions {
  batch: number;
  /** Row length; a longer example is an error (cut text into windows, truncate instructions when encoding). */
  length: number;
  padId: number;
}

/** Options of {@link lmSource}. */
export interface LmSourceOptions extends LmBatchOptions, Pick<ExampleSourceOptions, "shuffleSeed"> {}

/** Rows of plain text from packed windows of length + 1 tokens: targets are the inputs shifted by one. */
export function examplesFromWindows(packed: PackedWindows): LmExample[] {
  const length = packed.windowLength - 1;
  if (length < 1) throw new RangeError(`windows of ${packed.windowLength} tokens hold no next-token pair`);
  return Array.from({ length: packed.count }, (_, k) => {
    const from = k * packed.windowLength;
    return {
      inputs: packed.ids.subarray(from, from + length),
      targets: packed.ids.subarray(from + 1, from + length + 1),
      weights: packed.mask.subarray(from + 1, from + length + 1),
    };
  });
}

/** Rows of prompt/completion pairs: the loss falls on completion tokens (and the EOS) only. */
export function examplesFromInstructions(
  encoded: readonly Pick<EncodedInstruction, "ids" | "lossMask">[],
): LmExample[] {
  return encoded.map((example) => {
    const { inputs, targets, weights } = shiftForNextToken(example);
    return { inputs, targets, weights };
  });
}

/** Packs rows into one batch, right-padded with the pad id at weight 0 (rows = examples.length). */
export function packLmBatch(examples: readonly LmExample[], length: number, padId: number): TrainBatch {
  const batch = examples.length;
  const tokens = new Int32Array(batch * length).fill(padId);
  const targets = new Int32Array(batch * length).fill(padId);
  const weights = new Float32Array(batch * length);
  examples.forEach((example, b) => {
    const n = example.inputs.length;
    if (n > length || example.targets.length !== n || example.weights.length !== n) {
      throw new RangeError(
        `LM row ${b}: ${n} inputs, ${example.targets.length} targets, ${example.weights.length} weights; need equal counts ≤ ${length}`,
      );
    }
    for (let t = 0; t < n; t++) {
      tokens[b * length + t] = example.inputs[t] as number;
      targets[b * length + t] = example.targets[t] as number;
      weights[b * length + t] = example.weights[t] as number;
    }
  });
  return { batch, length, tokens, targets, weights };
}

/** Endless shuffled LM batches over the rows, with a resumable position (examples served). */
export function lmSource(examples: readonly LmExample[], options: LmSourceOptions): BatchSource {
  return exampleSource("lmSource", examples, options, (rows) => packLmBatch(rows, options.length, options.padId));
}

/** Every row once, in order, in batches (the last may be smaller): for validation. */
export function lmBatches(examples: readonly LmExample[], options: LmBatchOptions): TrainBatch[] {
  return exampleBatches(examples, options.batch, (rows) => packLmBatch(rows, options.length, options.padId));
}
