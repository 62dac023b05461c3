import { describe, expect, it } from 'vitest';
import { ozonHarness } from './test-support.js';

describe('Ozon routing and bodies', () => {
  it('answers 405 for GET on a chat method and 404 for unknown or switched-off paths', async () => {
    const h = ozonHarness();
    const get = await h.send({ method: 'GET', path: '/v3/chat/list' });
    expect(get.status).toBe(405);
    expect(get.json).toMatchObject({ code: 12, details: [] });
    for (const path of ['/v2/chat/history', '/v1/chat/updates', '/v3/chat/lists']) {
      expect((await h.send({ path, body: {} })).status, path).toBe(404);
    }
  });

  it('answers 400 for a body that is not JSON, naming the problem', async () => {
    const h = ozonHarness();
    const res = await h.send({ path: '/v3/chat/list', body: 'limit=10' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 3, message: expect.stringContaining('not JSON'), details: [] });
  });
});
