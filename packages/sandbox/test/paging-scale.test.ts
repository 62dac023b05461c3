import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/server/launch-sandbox.js';
import { startSandbox } from '../src/start-sandbox.js';
import type { MarketplaceId } from '../src/types.js';
import { SellerApi } from './helpers/seller-api.js';

const CHATS = 10_000;

interface Page {
  ids: string[];
  next?: string;
}

/** One page fetch per marketplace, following each API's own paging (see marketplaces.md). */
type Pager = (api: SellerApi, cursor: string | undefined) => Promise<Page>;

function ok<T>(reply: { status: number; text: string; json: unknown }, what: string): T {
  if (reply.status !== 200) throw new Error(`${what}: ${reply.status} ${reply.text.slice(0, 300)}`);
  return reply.json as T;
}

const PAGERS: Record<MarketplaceId, Pager> = {
  async metro(api, cursor) {
    const offset = Number(cursor ?? 0);
    const body = ok<{ data: Array<{ id: string }>; metadata: { total: number } }>(
      await api.metro('GET', `/openapi/v1/chats?limit=100&offset=${offset}`),
      'metro GET /chats',
    );
    const next = offset + body.data.length;
    return {
      ids: body.data.map((chat) => chat.id),
      ...(next < body.metadata.total ? { next: String(next) } : {}),
    };
  },
  async yandex(api, cursor) {
    const token = cursor ? `&page_token=${encodeURIComponent(cursor)}` : '';
    const body = ok<{ result: { chats: Array<{ chatId: number }>; paging: { nextPageToken?: string } } }>(
      await api.yandex('POST', `/chats?limit=20${token}`, {}),
      'yandex getChats',
    );
    const next = body.result.paging.nextPageToken;
    return { ids: body.result.chats.map((chat) => String(chat.chatId)), ...(next ? { next } : {}) };
  },
  async ozon(api, cursor) {
    const body = ok<{ chats: Array<{ chat: { chat_id: string } }>; cursor: string; has_next: boolean }>(
      await api.ozon('/v3/chat/list', { limit: 100, ...(cursor ? { cursor } : {}) }),
      'ozon /v3/chat/list',
    );
    return {
      ids: body.chats.map((item) => item.chat.chat_id),
      ...(body.has_next ? { next: body.cursor } : {}),
    };
  },
  // chat_list.json is one unpaginated array, so page through one long conversation instead.
  async storeden(api, cursor) {
    const withId = LONG_CONVERSATION.withId;
    const body = ok<{ messages: Array<{ message_id: string }>; next_page?: string }>(
      await api.storeden('GET', `/messages/chat.json?with_id=${withId}&page=${cursor ?? 1}`),
      'storeden chat.json',
    );
    const next = body.next_page ? (new URL(body.next_page).searchParams.get('page') ?? undefined) : undefined;
    return { ids: body.messages.map((message) => message.message_id), ...(next ? { next } : {}) };
  },
};

const LONG_CONVERSATION = { withId: '' };
/** Settings that lift per-second and per-hour quotas so the test measures paging, not limits. */
const UNTHROTTLED: Partial<Record<MarketplaceId, Record<string, unknown>>> = {
  yandex: { quotas: { getChats: 1_000_000 } },
  ozon: { rateLimitPerSecond: 1_000_000 },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ chats: CHATS });
  for (const [marketplace, settings] of Object.entries(UNTHROTTLED)) {
    sandbox.control.configure(marketplace, settings);
  }
  const first = sandbox.control.threads('storeden')[0];
  LONG_CONVERSATION.withId = first?.chatId ?? '';
  for (let index = 0; index < CHATS; index += 1) {
    sandbox.control.buyerWrite('storeden', { chatId: LONG_CONVERSATION.withId, text: `message ${index}` });
  }
}, 120_000);
afterAll(() => sandbox.close());

describe(`paging through ${CHATS.toLocaleString('en')} chats per marketplace`, () => {
  it('covers every marketplace in the registry', () => {
    const served = sandbox.control.marketplaces().map((info) => info.id);
    expect(served.filter((id) => !(id in PAGERS))).toEqual([]);
    expect(served).toHaveLength(4);
  });

  for (const marketplace of Object.keys(PAGERS) as MarketplaceId[]) {
    it(`${marketplace}: the last pages cost about what the first do, and every item comes once`, async () => {
      const api = new SellerApi(sandbox);
      const pager = PAGERS[marketplace];
      const seen = new Set<string>();
      const times: number[] = [];
      let cursor: string | undefined;
      do {
        const started = performance.now();
        const page = await pager(api, cursor);
        times.push(performance.now() - started);
        for (const id of page.ids) seen.add(id);
        cursor = page.next;
      } while (cursor !== undefined && times.length < 5_000);

      const expected =
        marketplace === 'storeden'
          ? sandbox.control.thread('storeden', LONG_CONVERSATION.withId).length
          : sandbox.control.threads(marketplace).length;
      expect(seen.size).toBe(expected);
      expect(expected).toBeGreaterThanOrEqual(CHATS);
      expect(times.length).toBeGreaterThanOrEqual(20);
      const firstPages = median(times.slice(0, 10));
      const lastPages = median(times.slice(-10));
      console.log(
        `${marketplace}: ${times.length} pages, median first 10 ${firstPages.toFixed(2)} ms, last 10 ${lastPages.toFixed(2)} ms`,
      );
      expect(lastPages).toBeLessThanOrEqual(3 * firstPages + 5);
    }, 120_000);
  }
});
