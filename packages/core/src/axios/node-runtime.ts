import type { Runtime } from '../http/clock.js';

/** Sleep on a real timer; aborting `signal` clears the timer and rejects with its reason. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The real clock, timers and randomness, for Node-RED, the sandbox and scripts. It lives in
 * `@sellerchat/core/axios` because the main entry must not touch timers (n8n's lint).
 */
export const nodeRuntime: Runtime = {
  clock: { now: () => Date.now() },
  sleep,
  random: () => Math.random(),
};
