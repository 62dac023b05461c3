/** Time and waiting are injected so tests are deterministic and the main entry uses no timers. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface Runtime {
  clock: Clock;
  sleep: Sleep;
  /** A number in [0, 1); injected so backoff jitter is reproducible in tests. */
  random: () => number;
}
