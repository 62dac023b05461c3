import type { BuyerAttachment, PushNotification, SandboxContext } from '../../src/types.js';

/**
 * A SandboxContext for testing one module without the framework's server: a clock the test moves,
 * a seeded random stream, an in-memory file store and a list of the pushes the module queued.
 */
export interface FakeContext {
  ctx: SandboxContext;
  pushes: PushNotification[];
  advance(ms: number): void;
  setNow(ms: number): void;
}

export const FAKE_ORIGIN = 'http://127.0.0.1:4010';

export function createFakeContext(options: { now?: number; seed?: number } = {}): FakeContext {
  let now = options.now ?? Date.parse('2026-03-02T09:00:00.000Z');
  let state = (options.seed ?? 42) >>> 0;
  const files = new Map<string, BuyerAttachment>();
  const pushes: PushNotification[] = [];
  const ctx: SandboxContext = {
    now: () => now,
    random: () => {
      // mulberry32, so a test sees the same ids and texts on every run.
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    origin: () => FAKE_ORIGIN,
    storeFile: (file) => {
      const id = `f${files.size + 1}`;
      files.set(id, file);
      return { id, url: `${FAKE_ORIGIN}/_sandbox/files/${id}` };
    },
    readFile: (id) => files.get(id),
    push: (notification) => {
      pushes.push(notification);
    },
  };
  return {
    ctx,
    pushes,
    advance: (ms) => {
      now += ms;
    },
    setNow: (ms) => {
      now = ms;
    },
  };
}
