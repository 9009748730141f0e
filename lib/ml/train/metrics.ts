/** Precision, recall and F1 of one class, with its support (how many examples truly have it). */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Accuracy, macro-F1, per-class metrics and the confusion matrix of a set of predictions. */
export interface ClassificationMetrics {
  accuracy: number;
  /** Unweighted mean of the per-class F1 scores. */
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusion[actual][predicted]: counts. */
  confusion: number[][];
}

function checkLabels(predicted: ArrayLike<number>, actual: ArrayLike<number>, numLabels: number): void {
  if (predicted.length !== actual.length) {
    throw new Error(`${predicted.length} predictions for ${actual.length} labels`);
  }
  if (!Number.isInteger(numLabels) || numLabels < 1) throw new Error(`numLabels must be a positive integer`);
  for (const labels of [predicted, actual]) {
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i] as number;
      if (!Number.isInteger(label) || label < 0 || label >= numLabels) {
        throw new Error(`label ${label} is outside 0..${numLabels - 1}`);
      }
    }
  }
}

/** Confusion matrix of `numLabels` classes: row = true label, column = predicted label. */
export function confusionMatrix(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  numLabels: number,
): number[][] {
  checkLabels(predicted, actual, numLabels);
  const matrix = Array.from({ length: numLabels }, () => new Array<number>(numLabels).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const row = matrix[actual[i] as number] as number[];
    row[predicted[i] as number] = (row[predicted[i] as number] as number) + 1;
  }
  return matrix;
}

/** Share of predictions equal to the true label (NaN for no examples). */
export function accuracy(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (predicted.length !== actual.length)
    throw new Error(`${predicted.length} predictions for ${actual.length} labels`);
  let correct = 0;
  for (let i = 0; i < actual.length; i++) if (predicted[i] === actual[i]) correct += 1;
  return actual.length > 0 ? correct / actual.length : Number.NaN;
}

/** Ratio that is 0 rather than NaN when the denominator is 0 (scikit-learn's zero_division=0). */
function safeRatio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}

/** Per-class precision, recall and F1 from a confusion matrix; a class never predicted or never present scores 0. */
export function perClassMetrics(confusion: readonly (readonly number[])[]): ClassMetrics[] {
  return confusion.map((row, c) => {
    const truePositives = row[c] as number;
    const support = row.reduce((s, x) => s + x, 0);
    const predictedCount = confusion.reduce((s, r) => s + (r[c] as number), 0);
    const precision = safeRatio(truePositives, predictedCount);
    const recall = safeRatio(truePositives, support);
    return { precision, recall, f1: safeRatio(2 * precision * recall, precision + recall), support };
  });
}

/** Unweighted mean F1 over all `numLabels` classes (classes absent from both arrays count as 0). */
export function macroF1(predicted: ArrayLike<number>, actual: ArrayLike<number>, numLabels: number): number {
  return classificationMetrics(predicted, actual, numLabels).macroF1;
}

/** Accuracy, macro-F1, per-class metrics and confusion matrix of predicted against true labels. */
export function classificationMetrics(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  numLabels: number,
): ClassificationMetrics {
  const confusion = confusionMatrix(predicted, actual, numLabels);
  const perClass = perClassMetrics(confusion);
  return {
    accuracy: accuracy(predicted, actual),
    macroF1: perClass.reduce((s, m) => s + m.f1, 0) / numLabels,
    perClass,
    confusion,
  };
}
