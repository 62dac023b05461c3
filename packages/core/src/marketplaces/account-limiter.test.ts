import { describe, expect, it } from 'vitest';
import { createFakeRuntime, settle } from '../http/fake-runtime.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { accountLimitRules, createAccountLimiter, DEFAULT_LIMITS } from './account-limiter.js';

/** Starts `count` tasks that stay in flight until released; returns how many started. */
function hold(limiter: ReturnType<typeof createAccountLimiter>, count: number) {
  let started = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const runs = Array.from({ length: count }, () =>
    limiter.run('write', async () => {
      started++;
      await gate;
    }),
  );
  return {
    started: () => started,
    release: async () => {
      release();
      await Promise.all(runs);
    },
  };
}

describe('createAccountLimiter', () => {
  it("holds the marketplaces' documented limits, once", () => {
    expect(DEFAULT_LIMITS).toEqual({
      metro: {},
      yandex: { all: { concurrency: 4 } },
      ozon: { all: { rate: 50, intervalMs: 1000 } },
      storeden: {},
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  it('lays a host’s rules over the defaults rule by rule', () => {
    expect(accountLimitRules('ozon', { read: { concurrency: 2 } })).toEqual({
      all: { rate: 50, intervalMs: 1000 },
      read: { concurrency: 2 },
    });
    expect(accountLimitRules('yandex', { all: { concurrency: 2 } })).toEqual({ all: { concurrency: 2 } });
  });

  it('Ozon: admits 50 requests in a second and holds the 51st until the window moves', async () => {
    const runtime = createFakeRuntime();
    const limiter = createAccountLimiter('ozon', runtime);
    let done = 0;
    const runs = Array.from({ length: 51 }, () => limiter.run('read', async () => void done++));
    await settle();
    expect(done).toBe(50);
    expect(limiter.waiting).toBe(1);
    await runtime.advance(1000);
    await Promise.all(runs);
    expect(done).toBe(51);
  });

  it('Yandex: 4 requests in flight at once, whichever client sends them', async () => {
    const limiter = createAccountLimiter('yandex', createFakeRuntime());
    const held = hold(limiter, 6);
    await settle();
    expect(held.started()).toBe(4);
    expect(limiter.waiting).toBe(2);
    await held.release();
    expect(held.started()).toBe(6);
  });

  it('refuses a marketplace it does not know', () => {
    expect(() => createAccountLimiter('ebay' as MarketplaceId, createFakeRuntime())).toThrow(
      /marketplace must be one of/,
    );
  });
});
