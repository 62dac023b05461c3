import { describe, expect, it } from 'vitest';
import { type Json, yandexHarness } from './test-support.js';

describe('Yandex POST chats (getChats)', () => {
  it('returns the envelope with at most 10 chats by default, newest activity first', async () => {
    const h = yandexHarness(14);
    const res = await h.send({ path: '/chats', body: {} });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('OK');
    const chats: Json[] = res.json.result.chats;
    expect(chats).toHaveLength(10);
    const times = chats.map((chat) => Date.parse(chat.updatedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(res.json.result.paging.nextPageToken).toEqual(expect.any(String));
    expect(chats[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
  });

  it('pages through every chat with page_token and pageToken alike, without repeats', async () => {
    const h = yandexHarness(14);
    const seen: number[] = [];
    let token: string | undefined;
    let alias = false;
    do {
      const query: Record<string, string | number> = { limit: 4 };
      if (token) query[alias ? 'pageToken' : 'page_token'] = token;
      alias = !alias;
      const res = await h.send({ path: '/chats', query, body: {} });
      expect(res.status).toBe(200);
      seen.push(...res.json.result.chats.map((chat: Json) => chat.chatId));
      token = res.json.result.paging.nextPageToken;
    } while (token);
    expect(seen).toHaveLength(14);
    expect(new Set(seen).size).toBe(14);
  });

  it('refuses limit outside 1–20 and a forged page token with 400', async () => {
    const h = yandexHarness();
    for (const limit of [0, 21, 'ten']) {
      const res = await h.send({ path: '/chats', query: { limit }, body: {} });
      expect(res.status, String(limit)).toBe(400);
      expect(res.json.errors[0].message).toContain('1 to 20');
    }
    const forged = await h.send({ path: '/chats', query: { page_token: 'abc' }, body: {} });
    expect(forged.status).toBe(400);
    expect(forged.json.errors[0].message).toContain('pageToken');
  });

  it('requires a JSON body: none → 400, text/plain → 415, broken JSON → 400', async () => {
    const h = yandexHarness();
    expect((await h.send({ path: '/chats' })).status).toBe(400);
    expect((await h.send({ path: '/chats', body: {}, contentType: 'text/plain' })).status).toBe(415);
    expect((await h.send({ path: '/chats', rawBody: Buffer.from('{"statuses":') })).status).toBe(400);
  });

  it('filters by statuses, contextTypes, types, contexts and orderIds', async () => {
    const h = yandexHarness(16);
    const list = async (body: object) => {
      const res = await h.send({ path: '/chats', query: { limit: 20 }, body });
      expect(res.status).toBe(200);
      return res.json.result.chats as Json[];
    };
    const waiting = await list({ statuses: ['WAITING_FOR_PARTNER'] });
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((chat) => chat.status === 'WAITING_FOR_PARTNER')).toBe(true);
    const direct = await list({ contextTypes: ['DIRECT'] });
    expect(direct.length).toBeGreaterThan(0);
    expect(direct.every((chat) => chat.context.type === 'DIRECT' && chat.context.orderId === undefined)).toBe(
      true,
    );
    const disputes = await list({ types: ['ARBITRAGE'] });
    expect(disputes.map((chat) => chat.status).sort()).toEqual([
      'WAITING_FOR_ARBITER',
      'WAITING_FOR_ARBITER',
      'WAITING_FOR_MARKET',
      'WAITING_FOR_MARKET',
    ]);
    const aReturn = (await list({ contextTypes: ['RETURN'] }))[0];
    const byContext = await list({ contexts: [{ type: 'RETURN', id: aReturn.context.returnId }] });
    expect(byContext.map((chat) => chat.chatId)).toEqual([aReturn.chatId]);
    const byOrder = await list({ orderIds: [aReturn.context.orderId] });
    expect(byOrder.map((chat) => chat.chatId)).toEqual([aReturn.chatId]);
    const nulls = await list({ statuses: null, contexts: null });
    expect(nulls).toHaveLength(16);
  });

  it('refuses empty, repeated or unknown filter values with a message naming the field', async () => {
    const h = yandexHarness();
    const bad = [
      [{ statuses: [] }, 'statuses'],
      [{ statuses: ['NEW', 'NEW'] }, 'statuses'],
      [{ types: ['DISPUTE'] }, 'types'],
      [{ contexts: [{ type: 'DIRECT', id: 1 }] }, 'contexts[0].type'],
      [{ orderIds: ['1'] }, 'orderIds'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await h.send({ path: '/chats', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.errors[0].message).toContain(field);
    }
  });

  it('keeps the cabinets apart: the other cabinet sees no chats', async () => {
    const h = yandexHarness();
    const other = h.module.credentials().otherBusiness!;
    const res = await h.send({
      path: '/chats',
      body: {},
      token: other.apiKey!,
      businessId: Number(other.businessId),
    });
    expect(res.status).toBe(200);
    expect(res.json.result.chats).toEqual([]);
    expect(res.json.result.paging).toEqual({});
  });
});
