import { describe, expect, it } from 'vitest';
import { type Json, ozonHarness } from './test-support.js';

describe('Ozon /v3/chat/list', () => {
  it('returns chats with string uint64 ids above 2^53, unread counts and the total', async () => {
    const h = ozonHarness(8);
    const res = await h.send({ path: '/v3/chat/list', body: { limit: 100 } });
    expect(res.status).toBe(200);
    const chats: Json[] = res.json.chats;
    expect(chats).toHaveLength(8);
    for (const item of chats) {
      expect(item.chat.chat_id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(item.last_message_id).toMatch(/^\d+$/);
      expect(BigInt(item.last_message_id)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
      expect(typeof item.unread_count).toBe('number');
    }
    const total = chats.reduce((sum, item) => sum + item.unread_count, 0);
    expect(res.json.total_unread_count).toBe(total);
    expect(total).toBeGreaterThan(0);
    const read = chats.find((item) => item.unread_count === 0);
    expect(read.first_unread_message_id).toBe('0');
    expect(res.json.has_next).toBe(false);
    expect(new Set(chats.map((item) => item.chat.chat_type))).toEqual(
      new Set(['Buyer_Seller', 'Seller_Support']),
    );
  });

  it('pages with an opaque cursor and has_next, without repeats', async () => {
    const h = ozonHarness(11);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await h.send({ path: '/v3/chat/list', body: { limit: 3, ...(cursor ? { cursor } : {}) } });
      seen.push(...res.json.chats.map((item: Json) => item.chat.chat_id));
      pages += 1;
      if (!res.json.has_next) break;
      cursor = res.json.cursor;
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(11);
  });

  it('filters by chat_status and unread_only', async () => {
    const h = ozonHarness(8);
    const list = async (filter: object) =>
      (await h.send({ path: '/v3/chat/list', body: { limit: 50, filter } })).json.chats as Json[];
    const closed = await list({ chat_status: 'Closed' });
    expect(closed.map((item) => item.chat.chat_status)).toEqual(['Closed']);
    expect((await list({ chat_status: 'Opened' })).every((item) => item.chat.chat_status === 'Opened')).toBe(
      true,
    );
    const unreadOnly = await list({ unread_only: true });
    expect(unreadOnly.length).toBeGreaterThan(0);
    expect(unreadOnly.every((item) => item.unread_count > 0)).toBe(true);
    expect(await list({ chat_status: 'All' })).toHaveLength(8);
  });

  it('requires limit (1–1000) and refuses unknown statuses and forged cursors with 400', async () => {
    const h = ozonHarness();
    const cases: Array<[object, string]> = [
      [{}, 'limit is required'],
      [{ limit: 1001 }, '1 to 1000'],
      [{ limit: 5, filter: { chat_status: 'Open' } }, 'chat_status'],
      [{ limit: 5, filter: { unread_only: 'yes' } }, 'unread_only'],
      [{ limit: 5, cursor: 'nope' }, 'cursor'],
    ];
    for (const [body, text] of cases) {
      const res = await h.send({ path: '/v3/chat/list', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.message).toContain(text);
    }
    expect((await h.send({ path: '/v3/chat/list', body: { limit: 1000 } })).status).toBe(200);
  });

  it('needs no Premium Plus', async () => {
    const h = ozonHarness();
    h.module.configure({ premium: false });
    expect((await h.send({ path: '/v3/chat/list', body: { limit: 5 } })).status).toBe(200);
  });
});
