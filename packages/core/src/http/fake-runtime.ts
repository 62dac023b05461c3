import type { Runtime } from './clock.js';

/**
 * A deterministic Runtime for tests (not exported from the package entry). In `manual` mode a
 * sleep resolves only when `advance` moves the clock past it; in `auto` mode every sleep moves
 * the clock forward at once, so retry delays cost no real time and are recorded in `sleeps`.
 */
export interface FakeRuntime extends Runtime {
  /** Every delay passed to sleep, in call order. */
  readonly sleeps: number[];
  /** Moves the clock forward, firing due sleeps in time order and letting their callbacks run. */
  advance(ms: number): Promise<void>;
  /** Sleeps not yet fired nor aborted. */
  pendingSleeps(): number;
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Lets promise chains and I/O callbacks triggered by a fired timer run to their next wait. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function createFakeRuntime(
  options: { startMs?: number; random?: () => number; mode?: 'manual' | 'auto' } = {},
): FakeRuntime {
  let now = options.startMs ?? Date.UTC(2025, 0, 1);
  let seq = 0;
  const timers: Timer[] = [];
  const sleeps: number[] = [];
  const mode = options.mode ?? 'manual';

  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (mode === 'auto') {
      now += Math.max(0, ms);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const timer: Timer = {
        at: now + Math.max(0, ms),
        seq: seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const i = timers.indexOf(timer);
        if (i >= 0) timers.splice(i, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      timers.push(timer);
    });
  };

  const advance = async (ms: number): Promise<void> => {
    const target = now + ms;
    await settle();
    for (;;) {
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = timers[0];
      if (!next || next.at > target) break;
      timers.shift();
      now = next.at;
      next.resolve();
      await settle();
    }
    now = target;
    await settle();
  };

  return {
    clock: { now: () => now },
    sleep,
    random: options.random ?? (() => 0.5),
    sleeps,
    advance,
    pendingSleeps: () => timers.length,
  };
}
