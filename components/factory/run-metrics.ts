import type { MetricPoint } from "./api";

/**
 * Metric history after a poll for the points past `known`'s last step. A run resumed from an earlier checkpoint
 * retrains steps it had already logged: points at or past the first fresh one are replaced by the fresh ones.
 */
export function mergeMetrics(known: readonly MetricPoint[], fresh: readonly MetricPoint[]): MetricPoint[] {
  if (fresh.length === 0) return [...known];
  const from = fresh[0]?.step ?? 0;
  return [...known.filter((point) => point.step < from), ...fresh];
}

/** The step to ask for points after (`metricsAfterStep`), or undefined for the whole history. */
export function lastStepOf(metrics: readonly MetricPoint[]): number | undefined {
  return metrics.length > 0 ? metrics[metrics.length - 1]?.step : undefined;
}
