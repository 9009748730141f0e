import { mixSeeds, uniformGenerator } from "../kernels/random";
import type { BatchSource } from "./batch";

/** One labelled, tokenized example of a classification set. */
export interface LabelledExample {
  tokens: ArrayLike<number>;
  /** Class index in 0..numLabels-1. */
  label: number;
}

/**
 * A sequence-classification batch as plain data: `batch` rows of `length` token ids, right-padded with
 * the pad id (classify reads each row's last non-padding token), and one label per row.
 */
export interface ClassificationBatch {
  batch: number;
  length: number;
  /** [batch·length] input ids, row-major, right-padded. */
  tokens: Int32Array;
  /** [batch] class indices. */
  labels: Int32Array;
}

/** Shape of classification batches: rows per batch, row length and the padding id. */
export interface ClassificationBatchOptions {
  batch: number;
  /** Row length: longer examples keep their first `length` tokens, shorter ones are right-padded. */
  length: number;
  /** Padding id; must not end a real example (classify would take it for padding). */
  padId: number;
}

/** Packs examples into one batch of right-padded rows (rows = examples.length). */
export function packClassificationBatch(
  examples: readonly LabelledExample[],
  length: number,
  padId: number,
): ClassificationBatch {
  const batch = examples.length;
  const tokens = new Int32Array(batch * length).fill(padId);
  const labels = new Int32Array(batch);
  examples.forEach((example, b) => {
    const n = Math.min(example.tokens.length, length);
    for (let t = 0; t < n; t++) tokens[b * length + t] = example.tokens[t] as number;
    labels[b] = example.label;
  });
  return { batch, length, tokens, labels };
}

/** Every example in order, in batches of `batch` rows (the last one may be smaller): for validation. */
export function classificationBatches(
  examples: readonly LabelledExample[],
  options: ClassificationBatchOptions,
): ClassificationBatch[] {
  const out: ClassificationBatch[] = [];
  for (let start = 0; start < examples.length; start += options.batch) {
    out.push(packClassificationBatch(examples.slice(start, start + options.batch), options.length, options.padId));
  }
  return out;
}

/** Options of {@link classificationSource}. */
export interface ClassificationSourceOptions extends ClassificationBatchOptions {
  /** When set, each pass over the examples is in an order shuffled from this seed and the pass number. */
  shuffleSeed?: number;
}

function epochOrder(count: number, seed: number | undefined, epoch: number): number[] {
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
 * Endless batches cycling over labelled examples (optionally reshuffled each pass). The position is the
 * number of examples served so far, so a checkpoint resumes mid-pass.
 */
export function classificationSource(
  examples: readonly LabelledExample[],
  options: ClassificationSourceOptions,
): BatchSource<ClassificationBatch> {
  if (examples.length === 0) throw new Error("classificationSource needs at least one example");
  const count = examples.length;
  let served = 0;
  let epoch = -1;
  let order: number[] = [];
  const exampleAt = (index: number): LabelledExample => {
    const pass = Math.floor(index / count);
    if (pass !== epoch) {
      epoch = pass;
      order = epochOrder(count, options.shuffleSeed, pass);
    }
    return examples[order[index % count] as number] as LabelledExample;
  };
  return {
    next() {
      const rows = Array.from({ length: options.batch }, (_, b) => exampleAt(served + b));
      served += options.batch;
      return packClassificationBatch(rows, options.length, options.padId);
    },
    position: () => served,
    seek(position) {
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0) {
        throw new Error(`classificationSource: bad position ${JSON.stringify(position)}`);
      }
      served = position;
    },
  };
}
