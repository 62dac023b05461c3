import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const options = { baseDelayMs: 250, maxDelayMs: 10_000 };

describe('backoffDelay', () => {
  it('doubles the window on each retry, scaled by the injected random', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 0.5))).toEqual([125, 250, 500, 1000]);
  });

  it('uses the whole window: random 0 gives no wait, random near 1 the ceiling', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.999_999)).toBe(999);
  });

  it('never exceeds maxDelayMs, even after many retries', () => {
    expect(backoffDelay(40, options, () => 0.999_999)).toBe(9_999);
    expect(backoffDelay(2000, options, () => 0.5)).toBe(5_000);
  });

  it('clamps a misbehaving random into [0, 1]', () => {
    expect(backoffDelay(1, options, () => 7)).toBe(250);
    expect(backoffDelay(1, options, () => -1)).toBe(0);
  });
});
