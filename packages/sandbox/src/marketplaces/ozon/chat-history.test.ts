import { describe, expect, it } from 'vitest';
import { type Json, ozonHarness } from './test-support.js';

function longChat() {
  const h = ozonHarness(8);
  const { chatId } = h.module.buyerOpenChat({ text: 'm0', kind: 'fbs' });
  for (let i = 1; i < 8; i += 1) {
    h.advance(60_000);
    h.module.buyerWrite(chatId, `m${i}`);
  }
  const ids = h.module.thread(chatId)!.map((m) => m.id);
  return { h, chatId, ids };
}

const texts = (res: Json) => res.json.messages.map((m: Json) => m.data[0]);

describe('Ozon /v3/chat/history', () => {
  it('defaults to Backward: newest first, 50 at most', async () => {
    const { h, chatId } = longChat();
    const res = await h.send({ path: '/v3/chat/history', body: { chat_id: chatId } });
    expect(res.status).toBe(200);
    expect(texts(res)).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
    expect(res.json.has_next).toBe(false);
    const message = res.json.messages[0];
    expect(message).toMatchObject({
      message_id: expect.stringMatching(/^\d{19}$/),
      is_image: false,
      is_read: false,
      moderate_image_status: 'SUCCESS',
      user: { type: 'customer' },
      context: { order_number: expect.stringMatching(/^\d{8}-\d{4}$/), sku: expect.any(String) },
    });
  });

  it('starts at from_message_id inclusive, Forward oldest first, with has_next', async () => {
    const { h, chatId, ids } = longChat();
    const forward = await h.send({
      path: '/v3/chat/history',
      body: { chat_id: chatId, direction: 'Forward', from_message_id: ids[2], limit: 3 },
    });
    expect(texts(forward)).toEqual(['m2', 'm3', 'm4']);
    expect(forward.json.has_next).toBe(true);
    const backward = await h.send({
      path: '/v3/chat/history',
      body: { chat_id: chatId, direction: 'Backward', from_message_id: ids[2], limit: 3 },
    });
    expect(texts(backward)).toEqual(['m2', 'm1', 'm0']);
    expect(backward.json.has_next).toBe(false);
  });

  it('reads from_message_id sent as a bare JSON number above 2^53 without rounding', async () => {
    const { h, chatId, ids } = longChat();
    const raw = `{"chat_id":"${chatId}","direction":"Forward","from_message_id":${ids[6]},"limit":10}`;
    const res = await h.send({ path: '/v3/chat/history', body: raw });
    expect(texts(res)).toEqual(['m6', 'm7']);
  });

  it('filters by filter.message_ids', async () => {
    const { h, chatId, ids } = longChat();
    const res = await h.send({
      path: '/v3/chat/history',
      body: { chat_id: chatId, filter: { message_ids: [ids[1], ids[5]] } },
    });
    expect(texts(res)).toEqual(['m5', 'm1']);
  });

  it('refuses Forward without from_message_id, bad direction and limit above 1000 with 400; unknown chat 404', async () => {
    const { h, chatId } = longChat();
    const forward = await h.send({
      path: '/v3/chat/history',
      body: { chat_id: chatId, direction: 'Forward' },
    });
    expect(forward.status).toBe(400);
    expect(forward.json.message).toContain('from_message_id');
    expect(
      (await h.send({ path: '/v3/chat/history', body: { chat_id: chatId, direction: 'Up' } })).status,
    ).toBe(400);
    expect((await h.send({ path: '/v3/chat/history', body: { chat_id: chatId, limit: 1001 } })).status).toBe(
      400,
    );
    expect((await h.send({ path: '/v3/chat/history', body: {} })).status).toBe(400);
    const missing = await h.send({
      path: '/v3/chat/history',
      body: { chat_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing.status).toBe(404);
  });

  it('is gated by Premium Plus', async () => {
    const { h, chatId } = longChat();
    h.module.configure({ premium: false });
    const res = await h.send({ path: '/v3/chat/history', body: { chat_id: chatId } });
    expect(res.status).toBe(403);
    expect(res.json.message).toContain('Premium Plus');
  });

  it('writes the Cyrillic "Сustomer" when cyrillicCustomer is on', async () => {
    const { h, chatId } = longChat();
    h.module.configure({ cyrillicCustomer: true });
    const res = await h.send({ path: '/v3/chat/history', body: { chat_id: chatId, limit: 1 } });
    expect(res.json.messages[0].user.type).toBe('\u0421ustomer');
    expect(res.json.messages[0].user.type).not.toBe('Customer');
  });
});
