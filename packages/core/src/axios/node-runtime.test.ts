import { describe, expect, it } from 'vitest';
import { nodeRuntime } from './node-runtime.js';

describe('nodeRuntime', () => {
  it('reads the real clock', () => {
    const before = Date.now();
    const now = nodeRuntime.clock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('sleeps on a real timer', async () => {
    const start = performance.now();
    await nodeRuntime.sleep(40);
    expect(performance.now() - start).toBeGreaterThanOrEqual(35);
  });

  it('stops sleeping when aborted, with the abort reason', async () => {
    const controller = new AbortController();
    const start = performance.now();
    const sleeping = nodeRuntime.sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('closed')), 10);
    await expect(sleeping).rejects.toThrow('closed');
    expect(performance.now() - start).toBeLessThan(5_000);
    await expect(nodeRuntime.sleep(10, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('draws randoms in [0, 1)', () => {
    const values = Array.from({ length: 100 }, () => nodeRuntime.random());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(90);
  });
});
