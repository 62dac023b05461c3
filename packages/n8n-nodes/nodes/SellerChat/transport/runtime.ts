import type { Runtime } from '@sellerchat/core';
import { sleep } from 'n8n-workflow';

/**
 * Clock, sleep and randomness for the core inside n8n. Waiting goes through n8n-workflow's
 * `sleep`, since community nodes may not use timers themselves.
 */
export const n8nRuntime: Runtime = {
  clock: { now: () => Date.now() },
  sleep: async (ms, signal) => {
    if (signal?.aborted) throw signal.reason;
    await sleep(ms);
    if (signal?.aborted) throw signal.reason;
  },
  random: () => Math.random(),
};
