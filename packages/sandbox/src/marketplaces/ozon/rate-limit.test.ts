import { describe, expect, it } from 'vitest';
import { ozonHarness } from './test-support.js';

describe('Ozon per-second rate limit', () => {
  it('answers 429 with the documented message past the limit, and recovers a second later', async () => {
    const h = ozonHarness();
    h.module.configure({ rateLimitPerSecond: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await h.send({ path: '/v3/chat/list', body: { limit: 1 } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await h.send({ path: '/v3/chat/list', body: { limit: 1 } });
    expect(refused.json).toEqual({
      code: 8,
      message: 'You have reached request rate limit per second',
      details: [],
    });
    h.advance(1001);
    expect((await h.send({ path: '/v3/chat/list', body: { limit: 1 } })).status).toBe(200);
  });

  it('allows 50 a second by default', async () => {
    const h = ozonHarness();
    const statuses: number[] = [];
    for (let i = 0; i < 51; i += 1)
      statuses.push((await h.send({ path: '/v3/chat/list', body: { limit: 1 } })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.at(-1)).toBe(429);
  });
});
