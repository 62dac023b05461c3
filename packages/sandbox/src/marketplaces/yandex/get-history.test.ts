import { describe, expect, it } from 'vitest';
import { type Json, yandexHarness } from './test-support.js';

async function longChat() {
  const h = yandexHarness();
  const { chatId } = h.module.buyerOpenChat({ text: 'message 0', kind: 'direct' });
  for (let i = 1; i < 12; i += 1) {
    h.advance(60_000);
    h.module.buyerWrite(chatId, `message ${i}`);
  }
  return { h, chatId };
}

describe('Yandex POST chats/history (getChatHistory)', () => {
  it('returns the chat context and its messages oldest first, chatId in the query', async () => {
    const { h, chatId } = await longChat();
    const res = await h.send({ path: '/chats/history', query: { chatId }, body: {} });
    expect(res.status).toBe(200);
    const messages: Json[] = res.json.result.messages;
    expect(messages.map((m) => m.message)).toEqual(Array.from({ length: 12 }, (_, i) => `message ${i}`));
    expect(res.json.result.context).toEqual({ type: 'DIRECT', customer: expect.any(Object) });
    expect(res.json.result.paging).toEqual({});
  });

  it('messageIdFrom returns that message and everything after it', async () => {
    const { h, chatId } = await longChat();
    const all = (await h.send({ path: '/chats/history', query: { chatId }, body: {} })).json.result.messages;
    const from = all[8].messageId;
    const res = await h.send({ path: '/chats/history', query: { chatId }, body: { messageIdFrom: from } });
    expect(res.json.result.messages.map((m: Json) => m.messageId)).toEqual(
      all.slice(8).map((m: Json) => m.messageId),
    );
  });

  it('pages with limit and nextPageToken, default 50, max 100', async () => {
    const { h, chatId } = await longChat();
    const first = await h.send({ path: '/chats/history', query: { chatId, limit: 5 }, body: {} });
    expect(first.json.result.messages).toHaveLength(5);
    const token = first.json.result.paging.nextPageToken;
    const second = await h.send({
      path: '/chats/history',
      query: { chatId, limit: 5, pageToken: token },
      body: {},
    });
    expect(second.json.result.messages[0].message).toBe('message 5');
    const third = await h.send({
      path: '/chats/history',
      query: { chatId, limit: 5, page_token: second.json.result.paging.nextPageToken },
      body: {},
    });
    expect(third.json.result.messages.map((m: Json) => m.message)).toEqual(['message 10', 'message 11']);
    expect(third.json.result.paging.nextPageToken).toBeUndefined();
    expect((await h.send({ path: '/chats/history', query: { chatId, limit: 101 }, body: {} })).status).toBe(
      400,
    );
    const chatsToken = (await h.send({ path: '/chats', query: { limit: 1 }, body: {} })).json.result.paging
      .nextPageToken;
    const mixed = await h.send({
      path: '/chats/history',
      query: { chatId, page_token: chatsToken },
      body: {},
    });
    expect(mixed.status).toBe(400);
  });

  it('requires the body (may be {}) and chatId in the query, not in the body', async () => {
    const { h, chatId } = await longChat();
    expect((await h.send({ path: '/chats/history', query: { chatId } })).status).toBe(400);
    const inBody = await h.send({ path: '/chats/history', body: { chatId: Number(chatId) } });
    expect(inBody.status).toBe(400);
    expect(inBody.json.errors[0].message).toContain('chatId');
    expect(
      (await h.send({ path: '/chats/history', query: { chatId }, body: { messageIdFrom: 0 } })).status,
    ).toBe(400);
    expect((await h.send({ path: '/chats/history', query: { chatId: 999 }, body: {} })).status).toBe(404);
  });
});
