// Latency figures are reported as percentiles: a mean hides the slow replies a buyer notices.

/** Nearest-rank percentile of `values` (not sorted in place); NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
