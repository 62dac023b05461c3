import type { BuyerAttachment, PushNotification, SandboxContext } from '../../../types.js';

/** A SandboxContext for module-level tests: a clock the test moves, seeded randomness, files in memory. */
export interface TestContext extends SandboxContext {
  advance(ms: number): void;
  files: Map<string, BuyerAttachment>;
  pushes: PushNotification[];
}

export const TEST_ORIGIN = 'http://127.0.0.1:4010';
/** 2025-09-09T12:00:00Z, near the seeds' own example dates. */
export const TEST_START_MS = Date.UTC(2025, 8, 9, 12, 0, 0);

export function createTestContext(seed = 1, startMs = TEST_START_MS): TestContext {
  let now = startMs;
  let state = seed >>> 0;
  const files = new Map<string, BuyerAttachment>();
  const pushes: PushNotification[] = [];
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    // mulberry32: small, fast, and the same sequence for the same seed.
    random() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    origin: () => TEST_ORIGIN,
    storeFile(file) {
      const id = `f${files.size + 1}`;
      files.set(id, file);
      return { id, url: `${TEST_ORIGIN}/_sandbox/files/${id}` };
    },
    readFile: (id) => files.get(id),
    push: (notification) => {
      pushes.push(notification);
    },
    files,
    pushes,
  };
}
