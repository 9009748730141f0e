import type { BatchSource } from "./batch";
import { exampleBatches, exampleSource } from "./example-source";

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
  return exampleBatches(examples, options.batch, (rows) =>
    packClassificationBatch(rows, options.length, options.padId),
  );
}

/** Options of {@link classificationSource}. */
export interface ClassificationSourceOptions extends ClassificationBatchOptions {
  /** When set, each pass over the examples is in an order shuffled from this seed and the pass number. */
  shuffleSeed?: number;
}

/**
 * Endless batches cycling over labelled examples (optionally reshuffled each pass). The position is the
 * number of examples served so far, so a checkpoint resumes mid-pass.
 */
export function classificationSource(
  examples: readonly LabelledExample[],
  options: ClassificationSourceOptions,
): BatchSource<ClassificationBatch> {
  return exampleSource("classificationSource", examples, options, (rows) =>
    packClassificationBatch(rows, options.length, options.padId),
  );
}
