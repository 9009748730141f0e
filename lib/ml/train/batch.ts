import { mixSeeds, uniformGenerator } from "../kernels/random";

/** A JSON value: what a data source's position must be, so a checkpoint can carry it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * One training batch as plain data: `batch` rows of `length` token ids, the next-token target of each
 * position, and optional loss weights (0 leaves a position out: prompt tokens, padding).
 */
export interface TrainBatch {
  batch: number;
  length: number;
  /** [batch·length] input ids, row-major. */
  tokens: Int32Array;
  /** [batch·length] target ids. */
  targets: Int32Array;
  /** [batch·length] loss weights; all 1 when absent. */
  weights?: Float32Array;
}

/**
 * Where batches come from: an endless stream with a position that can be saved and sought back to.
 * Batches are language-model {@link TrainBatch}es unless `B` says otherwise.
 */
export interface BatchSource<B = TrainBatch> {
  /** The next batch. */
  next(): B;
  /** The position now, as JSON (what the next call to next() depends on). */
  position(): JsonValue;
  /** Returns to a position obtained from position(). */
  seek(position: JsonValue): void;
}

/** Sum of a batch's loss weights (its position count when unweighted). */
export function batchWeight(batch: TrainBatch): number {
  if (!batch.weights) return batch.batch * batch.length;
  let total = 0;
  for (const w of batch.weights) total += w;
  return total;
}

/** Options of {@link randomWindowSource}. */
export interface RandomWindowOptions {
  batch: number;
  length: number;
  seed: number;
}

/**
 * Batches of random windows of a token stream (targets are the inputs shifted by one). Batch k depends
 * only on the seed and k, so the position is just k.
 */
export function randomWindowSource(stream: ArrayLike<number>, options: RandomWindowOptions): BatchSource {
  const { batch, length, seed } = options;
  if (stream.length < length + 1) throw new Error(`stream of ${stream.length} tokens is shorter than a window`);
  let index = 0;
  return {
    next() {
      const random = uniformGenerator(mixSeeds(seed, index));
      index += 1;
      const tokens = new Int32Array(batch * length);
      const targets = new Int32Array(batch * length);
      for (let b = 0; b < batch; b++) {
        const start = Math.floor(random() * (stream.length - length));
        for (let t = 0; t < length; t++) {
          tokens[b * length + t] = stream[start + t] as number;
          targets[b * length + t] = stream[start + t + 1] as number;
        }
      }
      return { batch, length, tokens, targets };
    },
    position: () => index,
    seek(position) {
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0) {
        throw new Error(`randomWindowSource: bad position ${JSON.stringify(position)}`);
      }
      index = position;
    },
  };
}

/** A source that cycles through fixed batches; position is the index of the next one. */
export function cyclicSource<B = TrainBatch>(batches: readonly B[]): BatchSource<B> {
  if (batches.length === 0) throw new Error("cyclicSource needs at least one batch");
  let index = 0;
  return {
    next() {
      const out = batches[index % batches.length] as B;
      index += 1;
      return out;
    },
    position: () => index,
    seek(position) {
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0) {
        throw new Error(`cyclicSource: bad position ${JSON.stringify(position)}`);
      }
      index = position;
    },
  };
}
