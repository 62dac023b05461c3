import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../errors/errors.js';
import type { Message } from '../../model/message.js';
import { type StoredenSandbox, startStoredenSandbox } from './client.testing.js';

let env: StoredenSandbox;

beforeAll(async () => {
  env = await startStoredenSandbox(40);
});
afterAll(async () => {
  await env.sb.close();
});
beforeEach(async () => {
  env.sent.length = 0;
  await env.control('/faults', { method: 'DELETE' });
});

interface Thread {
  chatId: string;
  lastMessageAt?: string;
}
interface ThreadMessage {
  id: string;
  from: string;
  text: string;
  at: string;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function buyerWrites(chatId: string, count: number, label: string): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(env.sb.control.buyerWrite('storeden', { chatId, text: `${label} ${i}` }).messageId);
  return ids;
}

async function newConversation(text: string): Promise<string> {
  return env.sb.control.buyerOpenChat('storeden', { text, name: 'Test Buyer' }).chatId;
}

describe('Storeden chats', () => {
  it('lists every conversation in one call, newest activity first, with string ids and UTC times', async () => {
    const page = await env.client().listChats();
    const threads = (await env.control('/storeden/threads')) as Thread[];
    expect(page.next).toBeUndefined();
    expect(page.items.map((c) => c.id).sort()).toEqual(threads.map((t) => t.chatId).sort());
    expect(page.items.length).toBeGreaterThanOrEqual(40);
    const times = page.items.map((c) => Date.parse(c.lastMessageAt!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const byId = new Map(threads.map((t) => [t.chatId, t]));
    for (const chat of page.items) {
      expect(chat.id).toMatch(/^\d+$/);
      expect(chat.buyer?.id).toBe(chat.id);
      expect(chat.kind).toBe('direct');
      // The API writes +0200; the model carries the same instant in UTC.
      expect(chat.lastMessageAt).toBe(byId.get(chat.id)!.lastMessageAt!.replace(/\.\d{3}Z$/, '.000Z'));
    }
    expect(env.sent.map((r) => r.url)).toEqual([`${env.baseUrl}/messages/chat_list.json`]);
    expect(env.sent[0]!.headers).toMatchObject({ key: env.readWrite.key, exchange: env.readWrite.exchange });
  });

  it('keeps only conversations that moved since a time (filtered here: Storeden cannot)', async () => {
    const client = env.client();
    const all = (await client.listChats()).items;
    const cut = all[9]!.lastMessageAt!;
    const recent = (await client.listChats({ lastMessageFrom: cut })).items;
    expect(recent.map((c) => c.id)).toEqual(all.filter((c) => c.lastMessageAt! >= cut).map((c) => c.id));
    const chatId = await newConversation('Hello shop');
    const [first] = (await client.listChats({ lastMessageFrom: new Date(Date.now() - 2000).toISOString() }))
      .items;
    expect(first!.id).toBe(chatId);
  });

  it('gets a chat from the list, and says when there is none', async () => {
    const client = env.client();
    const [some] = (await client.listChats()).items;
    expect(await client.getChat(some!.id)).toEqual(some);
    await expect(client.getChat('999999999')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Storeden messages', () => {
  it('reads 30 per page, each page oldest first, going back in time by the next_page cursor', async () => {
    const chatId = await newConversation('first');
    buyerWrites(chatId, 64, 'm');
    const thread = (await env.control(`/storeden/threads/${chatId}`)) as ThreadMessage[];
    expect(thread).toHaveLength(65);
    const client = env.client();
    const first = await client.listMessages(chatId);
    expect(first.items.map((m) => m.id)).toEqual(thread.slice(35).map((m) => m.id));
    expect(first.next).toBe(`${env.baseUrl}/messages/chat.json?with_id=${chatId}&page=2`);
    const second = await client.listMessages(chatId, { cursor: first.next });
    expect(second.items.map((m) => m.id)).toEqual(thread.slice(5, 35).map((m) => m.id));
    const third = await client.listMessages(chatId, { cursor: second.next });
    expect(third.items.map((m) => m.id)).toEqual(thread.slice(0, 5).map((m) => m.id));
    expect(third.next).toBeUndefined();

    const all = await collect(client.iterateMessages(chatId));
    expect(all.map((m) => [m.id, m.sender, m.text, m.createdAt])).toEqual(
      thread.map((m) => [m.id, 'buyer', m.text, `${m.at.slice(0, 19)}.000Z`]),
    );
  });

  it('reads incrementally from a known message: the cost grows with what changed, not with the history', async () => {
    const chatId = await newConversation('start');
    buyerWrites(chatId, 80, 'old');
    const client = env.client();
    const history = await collect(client.iterateMessages(chatId));
    const newest = history.at(-1)!;

    env.sent.length = 0;
    expect((await client.listMessages(chatId, { afterMessageId: newest.id })).items).toEqual([]);
    expect(env.sent).toHaveLength(1);

    const few = buyerWrites(chatId, 3, 'new');
    env.sent.length = 0;
    const got = (await client.listMessages(chatId, { afterMessageId: newest.id })).items;
    expect(got.map((m) => m.id)).toEqual(few);
    expect(got.map((m) => m.text)).toEqual(['new 0', 'new 1', 'new 2']);
    expect(env.sent).toHaveLength(1);

    const many = buyerWrites(chatId, 40, 'more');
    env.sent.length = 0;
    const lots = (await client.listMessages(chatId, { afterMessageId: few.at(-1)! })).items;
    expect(lots.map((m) => m.id)).toEqual(many);
    expect(env.sent).toHaveLength(2);
  });

  it('sends form-encoded text once and reads it back as the seller\u2019s newest message', async () => {
    const chatId = await newConversation('Do you ship to Milan?');
    const client = env.client();
    const result = await client.sendText(chatId, 'Sì, in 2 giorni & gratis');
    expect(result.messageId).toMatch(/^[0-9a-f]{24}$/);
    const post = env.sent.find((r) => r.method === 'POST')!;
    expect(post.url).toBe(`${env.baseUrl}/messages/chat.json`);
    expect(post.body).toEqual({
      type: 'text',
      contentType: 'application/x-www-form-urlencoded',
      text: `with_id=${chatId}&message=S%C3%AC%2C+in+2+giorni+%26+gratis`,
    });
    const last = (await client.listMessages(chatId)).items.at(-1) as Message;
    expect(last).toMatchObject({
      id: result.messageId,
      sender: 'seller',
      text: 'Sì, in 2 giorni & gratis',
      isRead: false,
    });
    const sent = (await env.control('/storeden/seller-messages')) as Array<{ chatId: string; text: string }>;
    expect(sent.filter((m) => m.chatId === chatId)).toHaveLength(1);
  });

  it('never posts twice when the response is lost after the message was stored', async () => {
    const chatId = await newConversation('Any news?');
    await env.control('/faults', {
      body: {
        marketplace: 'storeden',
        method: 'POST',
        path: '/messages/chat.json',
        kind: 'lost-response',
        times: 1,
      },
    });
    const result = await env.client().sendText(chatId, 'Shipped this morning');
    expect(result.message).toMatchObject({ sender: 'seller', text: 'Shipped this morning', chatId });
    expect(result.messageId).toBe(result.message!.id);
    const sent = (await env.control('/storeden/seller-messages')) as Array<{ chatId: string; text: string }>;
    expect(sent.filter((m) => m.chatId === chatId)).toHaveLength(1);
    expect(env.sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
