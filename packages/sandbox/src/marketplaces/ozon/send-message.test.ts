import { describe, expect, it } from 'vitest';
import { ozonHarness } from './test-support.js';

const HOUR = 60 * 60 * 1000;

describe('Ozon /v1/chat/send/message', () => {
  it('answers {"result":"success"} and stores a seller message, unread by the buyer', async () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    const res = await h.send({
      path: '/v1/chat/send/message',
      body: { chat_id: chatId, text: 'Yes, it fits.' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ result: 'success' });
    expect(h.module.sellerMessages().at(-1)).toMatchObject({ chatId, text: 'Yes, it fits.', from: 'seller' });
    const history = await h.send({ path: '/v3/chat/history', body: { chat_id: chatId, limit: 1 } });
    expect(history.json.messages[0]).toMatchObject({
      data: ['Yes, it fits.'],
      is_read: false,
      user: { type: 'seller' },
    });
  });

  it('accepts 1000 characters and refuses 0 or 1001 with 400', async () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'ы'.repeat(1000) } }))
        .status,
    ).toBe(200);
    for (const text of ['', 'x'.repeat(1001)]) {
      const res = await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text } });
      expect(res.status).toBe(400);
      expect(res.json.message).toMatch(/text/);
    }
  });

  it("FBO: allowed within 48 h of the buyer's last message, refused with 403 after", async () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    h.advance(44 * HOUR);
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'a' } })).status,
    ).toBe(200);
    h.advance(2 * HOUR);
    const late = await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'b' } });
    expect(late.status).toBe(403);
    expect(late.json).toMatchObject({ code: 7, message: expect.stringContaining('48 hours') });
    h.module.buyerWrite(chatId, 'Hello again');
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'c' } })).status,
    ).toBe(200);
  });

  it('FBS: free until 72 h after delivery, then only replies within 48 h', async () => {
    const h = ozonHarness();
    // Seeded FBS chat delivered 20 h ago, buyer's last message 2 h ago.
    const chatId = h.chatWhere((c, status) => c.scheme === 'FBS' && status === 'Opened');
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'a' } })).status,
    ).toBe(200);
    h.advance(60 * HOUR); // 80 h after delivery, 62 h after the buyer wrote
    const late = await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'b' } });
    expect(late.status).toBe(403);
    expect(late.json.message).toContain('72 hours');
    h.module.buyerWrite(chatId, 'One more question');
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'c' } })).status,
    ).toBe(200);
    h.module.configure({ enforceWindows: false });
    h.advance(100 * HOUR);
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'd' } })).status,
    ).toBe(200);
  });

  it('refuses closed chats and non-premium sellers with 403, unknown chats with 404', async () => {
    const h = ozonHarness();
    const closed = h.chatWhere((_c, status) => status === 'Closed');
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: closed, text: 'x' } })).status,
    ).toBe(403);
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: 'nope', text: 'x' } })).status,
    ).toBe(404);
    h.module.configure({ premium: false });
    const res = await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'x' } });
    expect(res.status).toBe(403);
    expect(res.json.message).toContain('Premium');
  });

  it('lets the seller write to support without a window', async () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.chatType === 'Seller_Support');
    h.advance(1000 * HOUR);
    expect(
      (await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'Thanks' } })).status,
    ).toBe(200);
  });
});
