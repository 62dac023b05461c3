import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, metroHarness } from './testing/harness.js';

interface ChatJson {
  id: string;
  status: string;
  isSeen: boolean;
  lastMessageAt: string;
  order: { id: string; orderNumber: string; salesChannel: string };
}

const CHATS = '/openapi/v1/chats';
const ids = (chats: ChatJson[]) => chats.map((c) => c.id);

describe('GET /openapi/v1/chats filters and paging', () => {
  let h: Harness;
  /** The whole seed in one page: the oracle every filter result is checked against. */
  let all: ChatJson[];

  beforeAll(async () => {
    h = metroHarness(60);
    const res = await h.get(CHATS, [['limit', '100']]);
    all = res.body.data;
    expect(res.body.metadata).toEqual({ limit: 100, offset: 0, total: 60 });
  });

  const list = async (query: Array<[string, string]>) => {
    const res = await h.get(CHATS, [['limit', '100'], ...query]);
    expect(res.status).toBe(200);
    expect(res.body.metadata.total).toBe(res.body.data.length);
    return res.body.data as ChatJson[];
  };

  it('orders chats by lastMessageAt, newest first', () => {
    const times = all.map((c) => Date.parse(c.lastMessageAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters[orderNumber], filters[orderId] and filters[chatId] each select one chat', async () => {
    const target = all[17] as ChatJson;
    expect(ids(await list([['filters[orderNumber]', target.order.orderNumber]]))).toEqual([target.id]);
    expect(ids(await list([['filters[orderId]', target.order.id]]))).toEqual([target.id]);
    expect(ids(await list([['filters[chatId]', target.id]]))).toEqual([target.id]);
    expect(await list([['filters[chatId]', 'no-such-chat']])).toEqual([]);
  });

  it('filters[isSeen]=1 keeps seen chats, 0 keeps chats with unseen buyer messages', async () => {
    const seen = await list([['filters[isSeen]', '1']]);
    const unseen = await list([['filters[isSeen]', '0']]);
    expect(ids(seen)).toEqual(ids(all.filter((c) => c.isSeen)));
    expect(ids(unseen)).toEqual(ids(all.filter((c) => !c.isSeen)));
    expect(unseen.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('filters[destinations][] matches the order sales channel (any of several)', async () => {
    const chosen = ['de', 'fr'];
    const result = await list([
      ['filters[destinations][]', 'de'],
      ['filters[destinations][]', 'FR'],
    ]);
    expect(ids(result)).toEqual(ids(all.filter((c) => chosen.includes(c.order.salesChannel))));
    expect(result.length).toBeGreaterThan(0);
    const indexed = await list([['filters[destinations][0]', 'de']]);
    expect(ids(indexed)).toEqual(ids(all.filter((c) => c.order.salesChannel === 'de')));
  });

  it('filters[statuses][] keeps any of the given statuses', async () => {
    const result = await list([
      ['filters[statuses][]', 'DRAFT'],
      ['filters[statuses][]', 'OVER_SLA'],
    ]);
    expect(ids(result)).toEqual(ids(all.filter((c) => c.status === 'DRAFT' || c.status === 'OVER_SLA')));
    expect(new Set(result.map((c) => c.status))).toEqual(new Set(['DRAFT', 'OVER_SLA']));
  });

  it('filters[lastMessage][from] and [to] are inclusive bounds', async () => {
    const from = (all[40] as ChatJson).lastMessageAt;
    const to = (all[5] as ChatJson).lastMessageAt;
    const inRange = (c: ChatJson) =>
      Date.parse(c.lastMessageAt) >= Date.parse(from) && Date.parse(c.lastMessageAt) <= Date.parse(to);
    const result = await list([
      ['filters[lastMessage][from]', from],
      ['filters[lastMessage][to]', to],
    ]);
    expect(ids(result)).toEqual(ids(all.filter(inRange)));
    expect(ids(result)).toContain(all[40]?.id);
    expect(ids(result)).toContain(all[5]?.id);
    const onlyTo = await list([['filters[lastMessage][to]', to]]);
    expect(ids(onlyTo)).toEqual(ids(all.filter((c) => Date.parse(c.lastMessageAt) <= Date.parse(to))));
  });

  it('combines filters', async () => {
    const result = await list([
      ['filters[isSeen]', '0'],
      ['filters[statuses][]', 'OVER_SLA'],
    ]);
    expect(ids(result)).toEqual(ids(all.filter((c) => !c.isSeen && c.status === 'OVER_SLA')));
    expect(result.length).toBeGreaterThan(0);
  });

  it('pages with limit and offset, reporting the total; default limit 20', async () => {
    const pages: ChatJson[] = [];
    for (let offset = 0; offset < 60; offset += 7) {
      const res = await h.get(CHATS, [
        ['limit', '7'],
        ['offset', String(offset)],
      ]);
      expect(res.body.metadata).toEqual({ limit: 7, offset, total: 60 });
      expect(res.body.message).toBe(`[${res.body.data.length}] chats have been fetched successfully`);
      pages.push(...res.body.data);
    }
    expect(ids(pages)).toEqual(ids(all));
    const first = await h.get(CHATS);
    expect(first.body.metadata).toEqual({ limit: 20, offset: 0, total: 60 });
    expect(first.body.data).toHaveLength(20);
    const beyond = await h.get(CHATS, [['offset', '500']]);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.metadata.total).toBe(60);
    const filtered = await h.get(CHATS, [
      ['filters[isSeen]', '0'],
      ['limit', '2'],
      ['offset', '1'],
    ]);
    expect(ids(filtered.body.data)).toEqual(ids(all.filter((c) => !c.isSeen).slice(1, 3)));
    expect(filtered.body.metadata.total).toBe(all.filter((c) => !c.isSeen).length);
  });

  it('refuses bad paging and filter values with 422 naming the parameter', async () => {
    const cases: Array<[Array<[string, string]>, string]> = [
      [[['limit', '101']], 'limit'],
      [[['limit', '0']], 'limit'],
      [[['offset', '-1']], 'offset'],
      [[['filters[isSeen]', 'true']], 'filters[isSeen]'],
      [[['filters[statuses][]', 'OPEN']], 'filters[statuses][]'],
      [[['filters[lastMessage][from]', 'yesterday']], 'filters[lastMessage][from]'],
      [[['filters[statuses]', 'DRAFT']], 'filters[statuses]'],
      [[['filters[seen]', '1']], 'filters[seen]'],
    ];
    for (const [query, field] of cases) {
      const res = await h.get(CHATS, query);
      expect(res.status, field).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
      expect(res.body.message).toContain('Metro Markets');
    }
  });

  it('explains an offset whose + arrived as a space (not percent-encoded)', async () => {
    const res = await h.get(CHATS, [['filters[lastMessage][from]', '2025-09-02T19:41:12 00:00']]);
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/%2B/);
  });

  it('honours a configured page-size limit', async () => {
    const own = metroHarness(5);
    own.metro.configure({ maxPageSize: 3 });
    expect((await own.get(CHATS, [['limit', '4']])).status).toBe(422);
    expect((await own.get(CHATS, [['limit', '3']])).body.data).toHaveLength(3);
  });
});

describe('filters[lastMessage][to] defaults to now', () => {
  it('leaves out a chat whose last message is later than the clock', async () => {
    const h = metroHarness(3);
    const chatId = h.metro.listThreads()[0]?.chatId as string;
    await h.post(`/openapi/v1/chats/${chatId}/messages`, { content: 'now' });
    const from = new Date(h.ctx.now() - 3_600_000).toISOString().replace('.000Z', '+00:00');
    h.ctx.advance(-10 * 60_000);
    const bounded = await h.get(CHATS, [['filters[lastMessage][from]', from]]);
    const unbounded = await h.get(CHATS);
    expect(ids(bounded.body.data)).not.toContain(chatId);
    expect(ids(unbounded.body.data)).toContain(chatId);
  });
});
