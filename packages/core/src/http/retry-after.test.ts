import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterFromHeaders } from './retry-after.js';

const NOW = Date.UTC(2018, 6, 10, 0, 42, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });

  it('reads an HTTP date against the injected clock', () => {
    expect(parseRetryAfter('Tue, 10 Jul 2018 00:42:42 GMT', NOW)).toBe(42_000);
    expect(parseRetryAfter('Tue, 10 Jul 2018 00:42:42 GMT', NOW + 2_000)).toBe(40_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Tue, 10 Jul 2018 00:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores unreadable values', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });
});

describe('retryAfterFromHeaders', () => {
  it('prefers Retry-After, in any header case', () => {
    expect(
      retryAfterFromHeaders(
        {
          'Retry-After': '3',
          'x-ratelimit-resource-until': 'Tue, 10 Jul 2018 01:00:00 GMT',
          'x-ratelimit-resource-remaining': '0',
        },
        NOW,
      ),
    ).toBe(3000);
  });

  it("falls back to Yandex's X-RateLimit-Resource-Until when the quota is spent", () => {
    const headers = {
      'x-ratelimit-resource-until': 'Tue, 10 Jul 2018 00:43:00 GMT',
      'x-ratelimit-resource-remaining': '0',
    };
    expect(retryAfterFromHeaders(headers, NOW)).toBe(60_000);
  });

  it('ignores the quota reset when quota remains (the parallel-requests 420)', () => {
    const headers = {
      'x-ratelimit-resource-until': 'Tue, 10 Jul 2018 01:00:00 GMT',
      'x-ratelimit-resource-remaining': '57',
    };
    expect(retryAfterFromHeaders(headers, NOW)).toBeUndefined();
    expect(retryAfterFromHeaders({}, NOW)).toBeUndefined();
  });
});
