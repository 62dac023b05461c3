import type { Runtime } from '../../src/index.js';

/** A runtime on the real clock whose sleeps return at once, and which records what was asked. */
export interface FastRuntime extends Runtime {
  /** Every wait asked for, in ms: backoff, Retry-After and limiter waits. */
  readonly waits: number[];
}

/**
 * Backoff and Retry-After must not wall-wait in a matrix of hundreds of cells, but the clock stays
 * real: Metro signs with it and the sandbox checks the signature against its own (real) clock.
 * A sleep still yields one timer tick, so a limiter waiting for its window polls instead of spinning.
 */
export function fastRuntime(): FastRuntime {
  const waits: number[] = [];
  return {
    waits,
    clock: { now: () => Date.now() },
    random: () => 0.5,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        waits.push(ms);
        const timer = setTimeout(resolve, Math.min(Math.max(ms, 0), 1));
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason);
          },
          { once: true },
        );
      }),
  };
}
