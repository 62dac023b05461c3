import { describe, expect, it } from 'vitest';
import { ozonHarness, READ_ONLY } from './test-support.js';

describe('Ozon auth', () => {
  it('needs both Client-Id and Api-Key', async () => {
    const h = ozonHarness();
    for (const missing of [{ clientId: null }, { apiKey: null }]) {
      const res = await h.send({ path: '/v3/chat/list', body: { limit: 1 }, ...missing });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({
        code: 16,
        message: 'Client-Id and Api-Key headers are required',
        details: [],
      });
    }
  });

  it('answers 400/3 for a non-numeric Client-Id and 404/5 with the documented text for a wrong key', async () => {
    const h = ozonHarness();
    const bad = await h.send({ path: '/v3/chat/list', body: { limit: 1 }, clientId: 'seller' });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe(3);
    const wrong = await h.send({ path: '/v3/chat/list', body: { limit: 1 }, apiKey: 'secret-guess' });
    expect(wrong.status).toBe(404);
    expect(wrong.json).toEqual({
      code: 5,
      message: 'Invalid Api-Key, please check the key and try again',
      details: [],
    });
    expect(JSON.stringify(wrong.json)).not.toContain('secret-guess');
  });

  it('lets a read-only key list and read history but not send, start or mark read', async () => {
    const h = ozonHarness();
    const as = { clientId: READ_ONLY.clientId!, apiKey: READ_ONLY.apiKey! };
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    expect((await h.send({ path: '/v3/chat/list', body: { limit: 5 }, ...as })).status).toBe(200);
    expect((await h.send({ path: '/v3/chat/history', body: { chat_id: chatId }, ...as })).status).toBe(200);
    const writes = [
      { path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'hi' } },
      { path: '/v1/chat/send/file', body: { chat_id: chatId, name: 'a.png', base64_content: 'AA==' } },
      { path: '/v2/chat/read', body: { chat_id: chatId } },
      { path: '/v1/chat/start', body: { posting_number: '1-1-1' } },
    ];
    for (const write of writes) {
      const res = await h.send({ ...write, ...as });
      expect(res.status, write.path).toBe(403);
      expect(res.json.message).toBe('Api-Key is missing a required role for a method');
    }
  });
});
