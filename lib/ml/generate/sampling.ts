/** Next-token sampling on one row of logits: greedy, temperature, top-k and top-p (nucleus), seeded. */

/** How the next token is chosen from the logits. */
export interface SamplingOptions {
  /** Divides the logits before the softmax; 0 picks the most likely token (greedy). Default 1. */
  temperature?: number;
  /** Keep only the k most likely tokens; 0 (default) keeps all. */
  topK?: number;
  /** Keep the smallest set of most likely tokens whose probability reaches p, in (0, 1]. Default 1 (all). */
  topP?: number;
}

/** Checks sampling options, throwing a RangeError for a value out of range. */
export function validateSampling(options: SamplingOptions): void {
  const { temperature = 1, topK = 0, topP = 1 } = options;
  if (!Number.isFinite(temperature) || temperature < 0)
    throw new RangeError(`temperature must be ≥ 0, got ${temperature}`);
  if (!Number.isInteger(topK) || topK < 0) throw new RangeError(`topK must be an integer ≥ 0, got ${topK}`);
  if (!(topP > 0 && topP <= 1)) throw new RangeError(`topP must be in (0, 1], got ${topP}`);
}

/** Index of the largest value (the first one on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/**
 * Draws a token id from a logits row. `random` gives uniforms in [0, 1) (e.g. `uniformGenerator(seed)`),
 * so the same generator state gives the same token. Greedy (temperature 0) draws nothing. Candidates are
 * ranked by logit, then by id on ties, so top-k = 1 and a tiny top-p both equal greedy.
 */
export function sampleToken(logits: ArrayLike<number>, options: SamplingOptions, random: () => number): number {
  const { temperature = 1, topK = 0, topP = 1 } = options;
  if (temperature === 0) return argmax(logits);
  const order = Array.from({ length: logits.length }, (_, i) => i);
  order.sort((a, b) => (logits[b] as number) - (logits[a] as number) || a - b);
  const kept = topK > 0 ? order.slice(0, topK) : order;
  const top = (logits[kept[0] as number] as number) / temperature;
  const weights = kept.map((id) => Math.exp((logits[id] as number) / temperature - top));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let count = kept.length;
  if (topP < 1) {
    let cumulative = 0;
    for (let i = 0; i < kept.length; i++) {
      cumulative += (weights[i] as number) / total;
      if (cumulative >= topP) {
        count = i + 1;
        break;
      }
    }
  }
  let mass = 0;
  for (let i = 0; i < count; i++) mass += weights[i] as number;
  let draw = random() * mass;
  for (let i = 0; i < count; i++) {
    draw -= weights[i] as number;
    if (draw < 0) return kept[i] as number;
  }
  return kept[count - 1] as number;
}
