export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(max, base * 2^(retry-1))).
 * Spreading retries over the whole window keeps clients that failed together from retrying
 * together. `retry` counts from 1 (the first retry); `random` is the injected one.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, retry - 1);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}
