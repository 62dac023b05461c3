import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, NotFoundError } from '../../errors/errors.js';
import type { Chat } from '../../model/chat.js';
import { metroSignature, metroStringToSign } from './auth.js';
import { type MetroSandbox, startMetroSandbox } from './client.testing.js';

let env: MetroSandbox;

beforeAll(async () => {
  env = await startMetroSandbox(45);
});
afterAll(async () => {
  await env.sb.close();
});
beforeEach(async () => {
  env.sent.length = 0;
  await env.control('/metro/settings', { body: { signatureEncoding: 'any', uploadBodySigning: 'any' } });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('Metro signature against the sandbox', () => {
  it.each(['base64', 'hex'] as const)(
    'is accepted when the sandbox insists on %s, and only then',
    async (encoding) => {
      await env.control('/metro/settings', { body: { signatureEncoding: encoding } });
      const page = await env.client({ credentials: { signatureEncoding: encoding } }).listChats({ limit: 2 });
      expect(page.items).toHaveLength(2);
      const other = encoding === 'base64' ? 'hex' : 'base64';
      await expect(
        env.client({ credentials: { signatureEncoding: other } }).listChats(),
      ).rejects.toBeInstanceOf(AuthError);
    },
  );

  it('signs the exact URL and body that were sent, query and brackets included', async () => {
    const client = env.client();
    await client.listChats({ unreadOnly: true, statuses: ['waiting_for_seller'], limit: 3 });
    const [request] = env.sent;
    expect(request!.url).toBe(
      `${env.baseUrl}/openapi/v1/chats?filters[isSeen]=0&filters[statuses][]=WAITING_FOR_SELLER&filters[statuses][]=OVER_SLA&limit=3&offset=0`,
    );
    const ts = request!.headers['X-Timestamp']!;
    expect(request!.headers['X-Signature']).toBe(
      metroSignature(env.credentials.clientSecret, metroStringToSign('GET', request!.url, '', ts), 'base64'),
    );
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    expect(request!.headers['X-Client-Id']).toBe(env.credentials.clientKey);
    expect(request!.headers.Accept).toBe('application/json');
  });

  it('refuses a stale clock with an AuthError that names the cause and hides the secret', async () => {
    const client = env.client({
      runtime: { clock: { now: () => Date.now() - 10 * 60_000 }, sleep: async () => {}, random: () => 0.5 },
    });
    const error = await client.listChats().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(401);
    expect((error as Error).message).toMatch(/clock is within 5 minutes/);
    expect(JSON.stringify(error)).not.toContain(env.credentials.clientSecret);
    expect(env.logLines.join('\n')).not.toContain(env.credentials.clientSecret);
  });
});

describe('Metro chats', () => {
  it('pages through every chat with limit/offset and reports the total', async () => {
    const client = env.client();
    const first = await client.listChats({ limit: 7 });
    expect(first.items).toHaveLength(7);
    expect(first.total).toBe(45);
    expect(first.next).toBe('7');
    const all = await collect(client.iterateChats({ limit: 7 }));
    const threads = (await env.control('/metro/threads')) as Array<{ chatId: string }>;
    expect(all).toHaveLength(45);
    expect(new Set(all.map((c) => c.id))).toEqual(new Set(threads.map((t) => t.chatId)));
    // 7 pages of 7 would be 49: the last page is short and nothing more is asked for.
    expect(env.sent.filter((r) => r.url.includes('/openapi/v1/chats?')).length).toBe(1 + 7);
    for (const chat of all) {
      expect(typeof chat.id).toBe('string');
      expect(chat.kind).toBe('order');
      expect(chat.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(chat.context.orderId).toEqual(expect.any(String));
    }
  });

  it('filters by status, unseen, order and last-message time on the server', async () => {
    const client = env.client();
    const all = await collect(client.iterateChats());
    const waiting = await collect(client.iterateChats({ statuses: ['waiting_for_seller'] }));
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((c) => c.status === 'waiting_for_seller')).toBe(true);
    expect(waiting.length).toBe(all.filter((c) => c.status === 'waiting_for_seller').length);
    const overSla = waiting.filter((c) => c.marketplaceStatus === 'OVER_SLA');
    expect(overSla.length).toBeGreaterThan(0);

    const unseen = await collect(client.iterateChats({ unreadOnly: true }));
    expect(unseen.length).toBeGreaterThan(0);
    expect(unseen.every((c) => (c.raw as { isSeen: boolean }).isSeen === false)).toBe(true);

    const target = all[3] as Chat;
    const byOrder = await client.listChats({ orderId: target.context.orderId });
    expect(byOrder.items.map((c) => c.id)).toEqual([target.id]);

    const times = all.map((c) => Date.parse(c.lastMessageAt!)).sort((a, b) => a - b);
    const cut = times[Math.floor(times.length / 2)]!;
    const recent = await collect(client.iterateChats({ lastMessageFrom: new Date(cut).toISOString() }));
    expect(recent.length).toBe(times.filter((t) => t >= cut).length);
  });

  it('gets one chat by id through the chatId filter, and says when it does not exist', async () => {
    const client = env.client();
    const [some] = (await client.listChats({ limit: 1 })).items;
    const chat = await client.getChat(some!.id);
    expect(chat).toEqual(some);
    expect(env.sent.at(-1)!.url).toContain(`filters[chatId]=${some!.id}`);
    await expect(client.getChat('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('lists unseen chats with their count', async () => {
    const client = env.client();
    const { chats, count } = await client.listUnseen();
    expect(count).toBe(chats.length);
    expect(count).toBeGreaterThan(0);
  });

  it('asks for category names in the requested language', async () => {
    const client = env.client({ language: 'de' });
    const [chat] = (await client.listChats({ limit: 1 })).items;
    expect(env.sent.at(-1)!.headers['Accept-Language']).toBe('de');
    expect((chat!.raw as { category: { locale: string } }).category.locale).toBe('de');
    await client.listChats({ limit: 1, language: 'fr' });
    expect(env.sent.at(-1)!.headers['Accept-Language']).toBe('fr');
  });

  it('reads the categories and subjects trees and checks e-mail history of an order', async () => {
    const client = env.client();
    const categories = await client.listCategories();
    expect(categories.length).toBeGreaterThan(0);
    const subjects = await client.listSubjects();
    expect(Array.isArray(subjects.SELLER)).toBe(true);
    const [order] = env.orders();
    expect(typeof (await client.emailsExist(order!.orderNumber))).toBe('boolean');
  });
});

describe('Metro messages', () => {
  it('lists a chat oldest first, and only what came after a known message', async () => {
    const client = env.client();
    const [chat] = (await client.listChats({ limit: 1, statuses: ['waiting_for_seller'] })).items;
    const history = (await client.listMessages(chat!.id)).items;
    expect(history.length).toBeGreaterThan(0);
    const times = history.map((m) => Date.parse(m.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const last = history.at(-1)!;
    expect((await client.listMessages(chat!.id, { afterMessageId: last.id })).items).toEqual([]);
    const { messageId } = (await env.control('/metro/buyer/messages', {
      body: { chatId: chat!.id, text: 'Is it shipped yet?' },
    })) as { messageId: string };
    const newer = (await client.listMessages(chat!.id, { afterMessageId: last.id })).items;
    expect(newer.map((m) => [m.id, m.sender, m.text])).toEqual([[messageId, 'buyer', 'Is it shipped yet?']]);
    const byIterator = await collect(client.iterateMessages(chat!.id, { afterMessageId: last.id }));
    expect(byIterator.map((m) => m.id)).toEqual([messageId]);
  });

  it('gets one message by id (the third-party endpoint)', async () => {
    const client = env.client();
    const [chat] = (await client.listChats({ limit: 1 })).items;
    const [first] = (await client.listMessages(chat!.id)).items;
    const one = await client.getMessage(chat!.id, first!.id);
    expect(one.id).toBe(first!.id);
    expect(one.text).toBe(first!.text);
  });

  it('marks a chat read by reading it (implicit on read)', async () => {
    const client = env.client();
    const [chat] = (await client.listChats({ limit: 1 })).items;
    await env.control('/metro/buyer/messages', { body: { chatId: chat!.id, text: 'hello?' } });
    expect((await client.getChat(chat!.id)).unreadCount).toBeGreaterThan(0);
    env.sent.length = 0;
    expect(await client.markRead(chat!.id)).toEqual({});
    expect(env.sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${env.baseUrl}/openapi/v1/chats/${chat!.id}/messages`,
    ]);
    expect((await client.getChat(chat!.id)).unreadCount).toBe(0);
  });
});
