import { mixSeeds, uniformGenerator } from "../kernels/random";
import type { BatchSource } from "./batch";

/** Options of {@link exampleSource}. */
export interface ExampleSourceOptions {
  /** Examples per batch. */
  batch: number;
  /** When set, each pass over the examples is in an order shuffled from this seed and the pass number. */
  shuffleSeed?: number;
}

/** The order of pass `epoch` over `count` examples: a seeded Fisher–Yates shuffle, or as given without a seed. */
export function epochOrder(count: number, seed: number | undefined, epoch: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (seed === undefined) return order;
  const random = uniformGenerator(mixSeeds(seed, epoch));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * Endless batches cycling over examples (optionally reshuffled each pass), each batch packed by `pack`.
 * The position is the number of examples served so far, so a checkpoint resumes mid-pass and a resumed
 * run sees exactly the batches the uninterrupted one would have.
 */
export function exampleSource<E, B>(
  name: string,
  examples: readonly E[],
  options: ExampleSourceOptions,
  pack: (rows: E[]) => B,
): BatchSource<B> {
  if (examples.length === 0) throw new Error(`${name} needs at least one example`);
  if (!Number.isInteger(options.batch) || options.batch < 1)
    throw new RangeError(`${name}: batch ${options.batch} < 1`);
  const count = examples.length;
  let served = 0;
  let epoch = -1;
  let order: number[] = [];
  const exampleAt = (index: number): E => {
    const pass = Math.floor(index / count);
    if (pass !== epoch) {
      epoch = pass;
      order = epochOrder(count, options.shuffleSeed, pass);
    }
    return examples[order[index % count] as number] as E;
  };
  return {
    next() {
      const rows = Array.from({ length: options.batch }, (_, b) => exampleAt(served + b));
      served += options.batch;
      return pack(rows);
    },
    position: () => served,
    seek(position) {
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0) {
        throw new Error(`${name}: bad position ${JSON.stringify(position)}`);
      }
      served = position;
    },
  };
}

/** Every example in order, in batches of `batch` rows (the last one may be smaller): for validation. */
export function exampleBatches<E, B>(examples: readonly E[], batch: number, pack: (rows: E[]) => B): B[] {
  const out: B[] = [];
  for (let start = 0; start < examples.length; start += batch) out.push(pack(examples.slice(start, start + batch)));
  return out;
}
