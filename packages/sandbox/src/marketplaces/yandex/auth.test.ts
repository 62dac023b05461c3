import { describe, expect, it } from 'vitest';
import { OTHER_TOKEN, READ_ONLY_TOKEN, TOKEN, yandexHarness } from './test-support.js';

describe('Yandex auth', () => {
  it('answers 401 UNAUTHORIZED when no token is sent', async () => {
    const h = yandexHarness();
    const res = await h.send({ path: '/chats', body: {}, token: null });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      status: 'ERROR',
      errors: [{ code: 'UNAUTHORIZED', message: expect.any(String) }],
    });
  });

  it('answers 403 FORBIDDEN for an unknown token, without echoing it', async () => {
    const h = yandexHarness();
    const res = await h.send({ path: '/chats', body: {}, token: 'ACMA:not-a-real-token' });
    expect(res.status).toBe(403);
    expect(res.json.errors[0].code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.json)).not.toContain('not-a-real-token');
  });

  it('refuses a token of another cabinet with 403', async () => {
    const h = yandexHarness();
    const res = await h.send({ path: '/chats', body: {}, token: OTHER_TOKEN });
    expect(res.status).toBe(403);
    expect(res.json.errors[0].message).toContain('businessId');
  });

  it('accepts the deprecated Authorization header (OAuth and Bearer forms)', async () => {
    const h = yandexHarness();
    for (const authorization of [`OAuth ${TOKEN}`, `Bearer ${TOKEN}`]) {
      const res = await h.send({ path: '/chats', body: {}, token: null, headers: { authorization } });
      expect(res.status).toBe(200);
    }
  });

  it('lets a read-only token read but not write (chats/new, chats/message, chats/file/send)', async () => {
    const h = yandexHarness();
    const list = await h.send({ path: '/chats', body: {}, token: READ_ONLY_TOKEN });
    expect(list.status).toBe(200);
    const chatId = list.json.result.chats[0].chatId;
    const sentBefore = h.module.sellerMessages().length;
    expect(
      (await h.send({ path: '/chats/history', query: { chatId }, body: {}, token: READ_ONLY_TOKEN })).status,
    ).toBe(200);
    const writes = [
      { path: '/chats/new', body: { context: { type: 'ORDER', id: 1 } } },
      { path: '/chats/message', query: { chatId }, body: { message: 'hi' } },
      { path: '/chats/file/send', query: { chatId }, body: {} },
    ];
    for (const write of writes) {
      const res = await h.send({ ...write, token: READ_ONLY_TOKEN });
      expect(res.status, write.path).toBe(403);
      expect(res.json.errors[0].message).toContain('read-only');
    }
    expect(h.module.sellerMessages()).toHaveLength(sentBefore);
  });
});
