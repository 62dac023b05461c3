import { describe, expect, it } from 'vitest';
import { BUSINESS_ID } from './credentials.js';
import { yandexHarness } from './test-support.js';

describe('Yandex rate limits', () => {
  it('answers the 5th of 5 overlapping requests with 420 "Hit rate limit of 4 parallel requests"', async () => {
    const h = yandexHarness();
    h.module.configure({ latencyMs: 40 });
    const pending = Array.from({ length: 5 }, () => h.send({ path: '/chats', body: {} }));
    expect(h.module.inFlight(BUSINESS_ID)).toBe(4);
    const results = await Promise.all(pending);
    const limited = results.filter((res) => res.status === 420);
    expect(limited).toHaveLength(1);
    expect(limited[0]!.statusText).toBe('Enhance Your Calm');
    expect(limited[0]!.json.errors[0]).toEqual({
      code: 'HIT_RATE_LIMIT',
      message: `Hit rate limit of 4 parallel requests for businessId ${BUSINESS_ID}`,
    });
    expect(h.module.inFlight(BUSINESS_ID)).toBe(0);
    expect((await h.send({ path: '/chats', body: {} })).status).toBe(200);
  });

  it('frees the slot when a request fails, and counts each cabinet apart', async () => {
    const h = yandexHarness();
    h.module.configure({ latencyMs: 30, parallelLimit: 1 });
    const other = h.module.credentials().otherBusiness!;
    const [mine, theirs] = await Promise.all([
      h.send({ path: '/chats/message', query: { chatId: 1 }, body: { message: 'x' } }),
      h.send({ path: '/chats', body: {}, token: other.apiKey!, businessId: Number(other.businessId) }),
    ]);
    expect(mine.status).toBe(404);
    expect(theirs.status).toBe(200);
    expect(h.module.inFlight(BUSINESS_ID)).toBe(0);
  });

  it('sends X-RateLimit-Resource-* headers and 420 once the hourly quota is used up', async () => {
    const h = yandexHarness();
    h.module.configure({ quotas: { getChat: 2 } });
    const chatId = h.module.listThreads()[0]!.chatId;
    const get = () => h.send({ method: 'GET', path: '/chat', query: { chatId } });
    const first = await get();
    expect(first.headers).toMatchObject({
      'X-RateLimit-Resource-Limit': '2',
      'X-RateLimit-Resource-Remaining': '1',
      'X-RateLimit-Resource-Until': 'Mon, 02 Mar 2026 10:00:00 GMT',
    });
    expect((await get()).headers!['X-RateLimit-Resource-Remaining']).toBe('0');
    const refused = await get();
    expect(refused.status).toBe(420);
    expect(refused.json.errors[0].message).toContain('2 requests per hour for getChat');
    expect(refused.headers!['X-RateLimit-Resource-Remaining']).toBe('0');
    // Another method has its own quota; the next hour starts afresh.
    expect((await h.send({ path: '/chats', body: {} })).status).toBe(200);
    h.advance(60 * 60 * 1000);
    expect((await get()).status).toBe(200);
  });

  it('puts the headers on error responses too', async () => {
    const h = yandexHarness();
    const res = await h.send({ path: '/chats', body: {}, token: null });
    expect(res.status).toBe(401);
    expect(res.headers!['X-RateLimit-Resource-Limit']).toBe('5000');
  });
});
