import type { Runtime } from './clock.js';
import type { LimitRule } from './options.js';
import type { RequestClass } from './request.js';

export type LimitRules = Partial<Record<RequestClass | 'all', LimitRule>>;

/**
 * Admits requests of one account under its rules. A request counts against the `all` rule and
 * against its own class's rule, and starts only when both allow it.
 */
export interface Limiter {
  /** Runs `task` once the rules allow it. Aborting `signal` while waiting rejects with its reason. */
  run<T>(requestClass: RequestClass, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Requests waiting for a slot (hosts show it as a rate-limit wait). */
  readonly waiting: number;
  readonly active: number;
}

interface Gate {
  concurrency: number;
  rate: number;
  intervalMs: number;
  inFlight: number;
  /**
   * When requests of the current window finished, oldest first. A request counts against the
   * rate from its start until `intervalMs` after its response: the marketplace counts it when it
   * arrives, somewhere in between, so a window measured from the start lets one request more into
   * the marketplace's window whenever an earlier request travelled slower than a later one.
   */
  finished: number[];
}

interface Waiter {
  gates: Gate[];
  start: () => void;
}

function makeGate(name: string, rule: LimitRule): Gate {
  const concurrency = rule.concurrency ?? Number.POSITIVE_INFINITY;
  const rate = rule.rate ?? Number.POSITIVE_INFINITY;
  const intervalMs = rule.intervalMs ?? 1000;
  for (const [key, value] of [
    ['concurrency', concurrency],
    ['rate', rate],
    ['intervalMs', intervalMs],
  ] as const) {
    if (!(value >= 1) || (Number.isFinite(value) && !Number.isInteger(value))) {
      throw new RangeError(`Limit rule "${name}": ${key} must be a positive integer, got ${value}`);
    }
  }
  return { concurrency, rate, intervalMs, inFlight: 0, finished: [] };
}

/**
 * FIFO within each request class: requests of one class pass the same gates, so a later one is
 * never admitted while an earlier one waits. A request of another class may go first when only
 * the earlier one's class rule holds it back, so a write limit never stalls reads. Time comes
 * only from the injected clock and sleep.
 */
export function createLimiter(rules: LimitRules, runtime: Pick<Runtime, 'clock' | 'sleep'>): Limiter {
  const gates = new Map<string, Gate>();
  for (const [name, rule] of Object.entries(rules)) if (rule) gates.set(name, makeGate(name, rule));
  const queue: Waiter[] = [];
  let active = 0;
  let wake: { at: number; cancel: AbortController } | undefined;

  const gatesFor = (requestClass: RequestClass): Gate[] =>
    [gates.get('all'), gates.get(requestClass)].filter((g): g is Gate => g !== undefined);

  const cancelWake = () => {
    wake?.cancel.abort();
    wake = undefined;
  };

  const scheduleWake = (at: number, now: number) => {
    if (wake && wake.at <= at) return;
    cancelWake();
    const cancel = new AbortController();
    wake = { at, cancel };
    runtime.sleep(at - now, cancel.signal).then(
      () => {
        if (wake?.cancel === cancel) wake = undefined;
        pump();
      },
      () => {},
    );
  };

  function pump(): void {
    const now = runtime.clock.now();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (let i = 0; i < queue.length; ) {
      const waiter = queue[i]!;
      let ok = true;
      for (const gate of waiter.gates) {
        while (gate.finished.length > 0 && gate.finished[0]! <= now - gate.intervalMs) gate.finished.shift();
        if (gate.inFlight >= gate.concurrency) ok = false;
        if (gate.inFlight + gate.finished.length >= gate.rate) {
          ok = false;
          // With every slot in flight, the next finish pumps; otherwise the oldest finish expires.
          if (gate.finished.length > 0) wakeAt = Math.min(wakeAt, gate.finished[0]! + gate.intervalMs);
        }
      }
      if (!ok) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      for (const gate of waiter.gates) gate.inFlight++;
      waiter.start();
    }
    if (queue.length === 0) cancelWake();
    else if (Number.isFinite(wakeAt)) scheduleWake(wakeAt, now);
  }

  const run = <T>(requestClass: RequestClass, task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const waiterGates = gatesFor(requestClass);
      const onAbort = () => {
        const i = queue.indexOf(waiter);
        if (i < 0) return;
        queue.splice(i, 1);
        reject(signal?.reason);
        pump();
      };
      const waiter: Waiter = {
        gates: waiterGates,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          active++;
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              active--;
              const finishedAt = runtime.clock.now();
              for (const gate of waiterGates) {
                gate.inFlight--;
                if (Number.isFinite(gate.rate)) gate.finished.push(finishedAt);
              }
              pump();
            });
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      pump();
    });
  };

  return {
    run,
    get waiting() {
      return queue.length;
    },
    get active() {
      return active;
    },
  };
}
