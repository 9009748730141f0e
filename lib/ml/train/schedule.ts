/** Learning-rate schedule: linear warmup to a peak, then cosine decay to a floor. */

/** Options of {@link learningRateAt}. */
export interface ScheduleOptions {
  /** Peak learning rate, reached at the end of warmup. */
  peak: number;
  /** Steps of linear warmup from peak/warmupSteps up to peak (0: start at the peak). */
  warmupSteps?: number;
  /** Step at which the cosine reaches the floor; steps past it stay at the floor. */
  totalSteps: number;
  /** Final learning rate as a fraction of the peak (default 0.1). */
  floorRatio?: number;
}

/**
 * Learning rate of 1-based step `step`: peak·step/warmup during warmup, then
 * floor + (peak − floor)·(1 + cos(π·progress))/2 with progress from 0 (end of warmup) to 1 (totalSteps).
 */
export function learningRateAt(step: number, options: ScheduleOptions): number {
  const { peak, totalSteps } = options;
  const warmup = options.warmupSteps ?? 0;
  const floor = peak * (options.floorRatio ?? 0.1);
  if (warmup > 0 && step <= warmup) return (peak * step) / warmup;
  const span = Math.max(1, totalSteps - warmup);
  const progress = Math.min(1, Math.max(0, (step - warmup) / span));
  return floor + ((peak - floor) * (1 + Math.cos(Math.PI * progress))) / 2;
}
