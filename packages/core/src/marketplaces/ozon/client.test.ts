import { randomBytes } from 'node:crypto';
import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAxiosTransport, nodeRuntime } from '../../axios/index.js';
import { isSellerChatError, type SellerChatError } from '../../errors/errors.js';
import type { Message } from '../../model/message.js';
import { createAccountLimiter } from '../account-limiter.js';
import { countingTransport } from '../shared/testing/counting-transport.js';
import { createOzonClient, type OzonClient } from './client.js';

interface Thread {
  chatId: string;
  status: string;
  lastMessageAt?: string;
  context?: Record<string, string>;
}

let sb: RunningSandbox;
let creds: { clientId: string; apiKey: string };
let readOnly: { clientId: string; apiKey: string };
const counter = countingTransport(createAxiosTransport());

function client(overrides: Partial<Parameters<typeof createOzonClient>[0]> = {}): OzonClient {
  return createOzonClient({
    credentials: creds,
    baseUrl: `${sb.url}/ozon`,
    transport: counter.transport,
    runtime: nodeRuntime,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sb.url}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function caught(promise: Promise<unknown>): Promise<SellerChatError> {
  try {
    await promise;
  } catch (err) {
    if (isSellerChatError(err)) return err;
    throw err;
  }
  throw new Error('expected a SellerChatError');
}

async function requestsOf(run: () => Promise<unknown>): Promise<number> {
  counter.reset();
  await run().catch(() => undefined);
  return counter.requests.length;
}

/** Lets the sandbox's one-second window of this Client-Id's requests run out. */
const quietSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

async function allMessages(oc: OzonClient, chatId: string): Promise<Message[]> {
  const out: Message[] = [];
  for await (const m of oc.iterateMessages(chatId)) out.push(m);
  return out;
}

/** An open buyer chat where the seller may write now (FBS within 72 h of delivery). */
async function writableChat(): Promise<string> {
  const threads = await control<Thread[]>('GET', '/ozon/threads');
  const open = threads.filter(
    (t) => t.status === 'Opened' && t.context?.chatType === 'Buyer_Seller' && t.context.scheme === 'FBS',
  );
  const chat = open[0];
  if (!chat) throw new Error('no open FBS chat in the sandbox seed');
  return chat.chatId;
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 1, chats: 40 });
  const all = await control<Record<string, { clientId: string; apiKey: string }>>('GET', '/ozon/credentials');
  creds = all.default!;
  readOnly = all.readOnly!;
});
afterEach(async () => {
  await control('DELETE', '/faults');
  await control('POST', '/ozon/settings', { premium: true, rateLimitPerSecond: 50, cyrillicCustomer: false });
});
afterAll(async () => {
  await sb?.close();
});

describe('Ozon client against the sandbox: reading', () => {
  it('pages through every chat with cursor and has_next, sending Client-Id and Api-Key', async () => {
    const threads = await control<Thread[]>('GET', '/ozon/threads');
    counter.reset();
    const ids: string[] = [];
    for await (const chat of client().iterateChats({ limit: 7 })) ids.push(chat.id);
    expect(ids.sort()).toEqual(threads.map((t) => t.chatId).sort());
    expect(counter.requests.length).toBe(Math.ceil(threads.length / 7));
    const bodies = counter.jsonBodies() as Array<Record<string, unknown>>;
    expect(bodies[0]).toEqual({ limit: 7 });
    expect(typeof bodies[1]!.cursor).toBe('string');
    for (const r of counter.requests) {
      expect(r.method).toBe('POST');
      expect(new URL(r.url).pathname).toBe('/ozon/v3/chat/list');
      expect(r.headers['Client-Id']).toBe(creds.clientId);
      expect(r.headers['Api-Key']).toBe(creds.apiKey);
    }
  });

  it('clamps limit to 1000 and marks non-buyer chats as support', async () => {
    counter.reset();
    const page = await client().listChats({ limit: 5000 });
    expect((counter.jsonBodies()[0] as { limit: number }).limit).toBe(1000);
    const threads = await control<Thread[]>('GET', '/ozon/threads');
    for (const chat of page.items) {
      const thread = threads.find((t) => t.chatId === chat.id)!;
      expect(chat.kind).toBe(thread.context?.chatType === 'Buyer_Seller' ? 'direct' : 'support');
    }
    expect(page.items.some((c) => c.kind === 'support')).toBe(true);
    expect(page.items.some((c) => c.lastMessageId !== undefined && BigInt(c.lastMessageId) > 2n ** 53n)).toBe(
      true,
    );
  });

  it('filters by status and unread, in Ozon’s own filter', async () => {
    counter.reset();
    const closed = await client().listChats({ statuses: ['closed'], limit: 1000 });
    expect(counter.jsonBodies()[0]).toEqual({ limit: 1000, filter: { chat_status: 'Closed' } });
    expect(closed.items.length).toBeGreaterThan(0);
    expect(closed.items.every((c) => c.status === 'closed' && c.marketplaceStatus === 'Closed')).toBe(true);
    counter.reset();
    const unread = await client().listChats({ unreadOnly: true, limit: 1000 });
    expect(counter.jsonBodies()[0]).toEqual({ limit: 1000, filter: { unread_only: true } });
    expect(unread.items.length).toBeGreaterThan(0);
    expect(unread.items.every((c) => (c.unreadCount ?? 0) > 0)).toBe(true);
  });

  it('finds one chat in the list (Ozon has no get-chat), and NotFoundError for an unknown id', async () => {
    const threads = await control<Thread[]>('GET', '/ozon/threads');
    const target = threads.at(-1)!;
    const chat = await client().getChat(target.chatId);
    expect(chat.id).toBe(target.chatId);
    const err = await caught(client().getChat('00000000-0000-4000-8000-000000000000'));
    expect(err.kind).toBe('not_found');
  });

  it('reads history newest-backwards but hands it out oldest first, ids beyond 2^53 exact', async () => {
    const chatId = await writableChat();
    const thread = await control<Array<{ id: string; text: string }>>('GET', `/ozon/threads/${chatId}`);
    counter.reset();
    const page = await client().listMessages(chatId);
    expect(counter.jsonBodies()[0]).toEqual({ chat_id: chatId, direction: 'Backward', limit: 50 });
    expect(page.items.map((m) => m.id)).toEqual(thread.map((m) => m.id));
    expect(BigInt(page.items[0]!.id)).toBeGreaterThan(2n ** 53n);
    expect(page.items[0]!.createdAt).toMatch(/Z$/);
  });

  it('reads only what came after a known message, Forward from its exact id, over every page', async () => {
    const oc = client();
    const chatId = await writableChat();
    const before = await allMessages(oc, chatId);
    const last = before.at(-1)!;
    const written: string[] = [];
    for (let i = 0; i < 120; i++) {
      written.push(
        (
          await control<{ messageId: string }>('POST', '/ozon/buyer/messages', {
            chatId,
            text: `вопрос ${i}`,
          })
        ).messageId,
      );
    }
    counter.reset();
    const page = await oc.listMessages(chatId, { afterMessageId: last.id });
    expect(page.items.map((m) => m.id)).toEqual(written);
    expect(page.items.every((m) => m.sender === 'buyer')).toBe(true);
    expect(page.next).toBeUndefined();
    const bodies = counter.jsonBodies() as Array<Record<string, unknown>>;
    expect(bodies[0]).toEqual({ chat_id: chatId, direction: 'Forward', limit: 50, from_message_id: last.id });
    // The id travels as its exact digits in the JSON text, never as a rounded number.
    expect((counter.requests[0]!.body as { text: string }).text).toContain(`"from_message_id":"${last.id}"`);
    expect(counter.requests.length).toBe(3);
    const iterated = (await allMessages(oc, chatId)).map((m) => m.id);
    expect(iterated).toEqual([...before.map((m) => m.id), ...written]);
  });

  it('pages backwards with its own cursor', async () => {
    const oc = client();
    const chatId = await writableChat();
    const everything = (await allMessages(oc, chatId)).map((m) => m.id);
    const first = await oc.listMessages(chatId, { limit: 3 });
    expect(first.items.map((m) => m.id)).toEqual(everything.slice(-3));
    const second = await oc.listMessages(chatId, { limit: 3, cursor: first.next! });
    expect(second.items.map((m) => m.id)).toEqual(everything.slice(-5, -3));
  });

  it('reads the Cyrillic "Сustomer" as the buyer when the sandbox writes it so', async () => {
    await control('POST', '/ozon/settings', { cyrillicCustomer: true });
    const chatId = await writableChat();
    await control('POST', '/ozon/buyer/messages', { chatId, text: 'Сustomer check' });
    const last = (await client().listMessages(chatId, { limit: 1 })).items[0]!;
    expect((last.raw as { user: { type: string } }).user.type.charCodeAt(0)).toBe(0x0421);
    expect(last.sender).toBe('buyer');
  });

  it('tells the total unread count (an extra)', async () => {
    let sum = 0;
    for await (const chat of client().iterateChats()) sum += chat.unreadCount ?? 0;
    expect(await client().getTotalUnreadCount()).toBe(sum);
  });
});

describe('Ozon client against the sandbox: writing', () => {
  it('sends a text and reads it back as a seller message', async () => {
    const oc = client();
    const chatId = await writableChat();
    const text = `Добрый день! ${Date.now()}`;
    counter.reset();
    expect(await oc.sendText(chatId, text)).toEqual({});
    expect(new URL(counter.requests[0]!.url).pathname).toBe('/ozon/v1/chat/send/message');
    expect(counter.jsonBodies()[0]).toEqual({ chat_id: chatId, text });
    const last = (await oc.listMessages(chatId, { limit: 1 })).items[0]!;
    expect(last).toMatchObject({ sender: 'seller', text, senderId: creds.clientId });
    const seller = await control<Array<{ text: string }>>('GET', '/ozon/seller-messages');
    expect(seller.filter((m) => m.text === text)).toHaveLength(1);
  });

  it('sends a file as base64 and the bytes come back exact through the attachment URL', async () => {
    const oc = client();
    const chatId = await writableChat();
    const data = new Uint8Array(randomBytes(200_001));
    const name = `photo-${Date.now()}.png`;
    counter.reset();
    await oc.sendFile(chatId, { name, data });
    const body = counter.jsonBodies()[0] as { base64_content: string; name: string; chat_id: string };
    expect(body.name).toBe(name);
    expect(Buffer.from(body.base64_content, 'base64').equals(Buffer.from(data))).toBe(true);
    const last = (await oc.listMessages(chatId, { limit: 1 })).items[0]!;
    expect(last.sender).toBe('seller');
    expect(last.text).toBe('');
    expect(last.attachments).toEqual([
      { name, url: expect.stringMatching(/^http/), ref: expect.any(String) },
    ]);
    const bytes = await oc.downloadAttachment(last.attachments[0]!);
    expect(Buffer.from(bytes).equals(Buffer.from(data))).toBe(true);
    const download = counter.requests.at(-1)!;
    expect(Object.keys(download.headers).map((h) => h.toLowerCase())).not.toContain('api-key');
    expect(Object.keys(download.headers).map((h) => h.toLowerCase())).not.toContain('client-id');
  });

  it('marks read up to and including a message, explicitly', async () => {
    const oc = client();
    const chatId = await writableChat();
    for (let i = 0; i < 3; i++)
      await control('POST', '/ozon/buyer/messages', { chatId, text: `unread ${i}` });
    const messages = (await oc.listMessages(chatId, { limit: 3 })).items;
    counter.reset();
    const result = await oc.markRead(chatId, messages[1]!.id);
    expect(counter.jsonBodies()[0]).toEqual({ chat_id: chatId, from_message_id: messages[1]!.id });
    expect(result).toEqual({ unreadCount: 1 });
    const after = (await oc.listMessages(chatId, { limit: 3 })).items;
    expect(after.map((m) => m.isRead)).toEqual([true, true, false]);
    expect(await oc.markRead(chatId)).toEqual({ unreadCount: 0 });
  });

  it('starts a chat by posting number and returns the chat with that posting', async () => {
    const threads = await control<Thread[]>('GET', '/ozon/threads');
    const withPosting = threads.find((t) => t.context?.postingNumber && t.context.scheme === 'FBS')!;
    counter.reset();
    const chat = await client().startChat({ postingNumber: withPosting.context!.postingNumber! });
    expect(counter.jsonBodies()[0]).toEqual({ posting_number: withPosting.context!.postingNumber });
    expect(chat).toMatchObject({
      marketplace: 'ozon',
      id: withPosting.chatId,
      kind: 'direct',
      context: { postingNumber: withPosting.context!.postingNumber },
    });
    const missing = await caught(client().startChat({ postingNumber: '00000000-0000-1' }));
    expect(missing.kind).toBe('not_found');
  });

  it('never posts twice when the response to a send is lost', async () => {
    const oc = client();
    const chatId = await writableChat();
    const text = `lost-response ${Date.now()}`;
    await control('POST', '/faults', {
      marketplace: 'ozon',
      kind: 'lost-response',
      method: 'POST',
      path: '/v1/chat/send/message',
      times: 1,
    });
    const result = await oc.sendText(chatId, text);
    expect(result.message).toMatchObject({ sender: 'seller', text, chatId });
    const seller = await control<Array<{ text: string }>>('GET', '/ozon/seller-messages');
    expect(seller.filter((m) => m.text === text)).toHaveLength(1);
  });

  it('never posts a file twice when the response is lost', async () => {
    const oc = client();
    const chatId = await writableChat();
    const name = `lost-${Date.now()}.pdf`;
    await control('POST', '/faults', {
      marketplace: 'ozon',
      kind: 'lost-response',
      method: 'POST',
      path: '/v1/chat/send/file',
      times: 1,
    });
    const result = await oc.sendFile(chatId, { name, data: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') });
    expect(result.message?.attachments[0]?.name).toBe(name);
    const seller = await control<Array<{ attachments: Array<{ name: string }> }>>(
      'GET',
      '/ozon/seller-messages',
    );
    expect(seller.filter((m) => m.attachments.some((a) => a.name === name))).toHaveLength(1);
  });
});

describe('Ozon client against the sandbox: errors', () => {
  it('without Premium Plus: PermissionError carrying Ozon’s own message and code', async () => {
    await control('POST', '/ozon/settings', { premium: false });
    const chatId = await writableChat();
    const err = await caught(client().sendText(chatId, 'hello'));
    expect(err.kind).toBe('permission');
    expect(err.status).toBe(403);
    expect(err.code).toBe('7');
    expect(err.marketplaceMessage).toMatch(/Premium Plus/);
    // Listing chats needs no subscription.
    expect((await client().listChats({ limit: 1 })).items).toHaveLength(1);
  });

  it('outside the send window: PermissionError with Ozon’s explanation', async () => {
    const threads = await control<Thread[]>('GET', '/ozon/threads');
    const old = threads.find(
      (t) =>
        t.status === 'Opened' &&
        t.context?.scheme === 'FBO' &&
        Date.parse(t.lastMessageAt ?? '') < Date.now() - 48 * 3600_000,
    )!;
    const err = await caught(client().sendText(old.chatId, 'hello'));
    expect(err.kind).toBe('permission');
    expect(err.marketplaceMessage).toMatch(/48 hours/);
  });

  it('a read-only key: PermissionError; a wrong key: AuthError that does not echo the key', async () => {
    const chatId = await writableChat();
    const ro = await caught(client({ credentials: readOnly }).sendText(chatId, 'x'));
    expect(ro.kind).toBe('permission');
    expect(ro.marketplaceMessage).toMatch(/required role/);
    const wrong = { clientId: creds.clientId, apiKey: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' };
    const err = await caught(client({ credentials: wrong }).listChats());
    expect(err.kind).toBe('auth');
    expect(JSON.stringify(err)).not.toContain(wrong.apiKey);
    expect(err.message).not.toContain(wrong.apiKey);
  });

  it('429 is a RateLimitError; a read is waited out and retried', async () => {
    await control('POST', '/faults', {
      marketplace: 'ozon',
      kind: 'rate-limit',
      status: 429,
      retryAfter: 3,
      times: 1,
    });
    const err = await caught(client({ retry: { maxAttempts: 1 } }).listChats());
    expect(err.kind).toBe('rate_limit');
    expect((err as SellerChatError & { retryAfterMs?: number }).retryAfterMs).toBe(3000);
    await control('POST', '/faults', {
      marketplace: 'ozon',
      kind: 'rate-limit',
      status: 429,
      retryAfter: 0,
      times: 1,
    });
    counter.reset();
    expect((await client().listChats({ limit: 1 })).items).toHaveLength(1);
    expect(counter.requests.length).toBe(2);
  });

  it('the per-Client-Id limiter keeps a burst under the sandbox’s per-second limit', async () => {
    // Twice the client's rate on the server: a client window and a server window never line up
    // exactly (requests arrive a few ms after they start), so equal limits would flake.
    await quietSecond();
    await control('POST', '/ozon/settings', { rateLimitPerSecond: 10 });
    const limited = client({ retry: { maxAttempts: 1 }, limits: { all: { rate: 5, intervalMs: 1000 } } });
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 15 }, () => limited.getTotalUnreadCount()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    const unlimited = client({
      retry: { maxAttempts: 1 },
      limits: { all: { rate: 1000, intervalMs: 1000 } },
    });
    const burst = await Promise.allSettled(Array.from({ length: 15 }, () => unlimited.getTotalUnreadCount()));
    expect(
      burst.some((r) => r.status === 'rejected' && (r.reason as SellerChatError).kind === 'rate_limit'),
    ).toBe(true);
    await quietSecond();
  });

  it('clients sharing one account limiter keep a burst under the limit together; their own limits are ignored', async () => {
    await quietSecond();
    await control('POST', '/ozon/settings', { rateLimitPerSecond: 10 });
    const shared = createAccountLimiter('ozon', nodeRuntime, { all: { rate: 5, intervalMs: 1000 } });
    // Three clients, as three n8n executions build them; alone each would allow 1000/s.
    const clients = Array.from({ length: 3 }, () =>
      client({
        retry: { maxAttempts: 1 },
        limiter: shared,
        limits: { all: { rate: 1000, intervalMs: 1000 } },
      }),
    );
    const started = Date.now();
    const results = await Promise.allSettled(
      clients.flatMap((c) => Array.from({ length: 5 }, () => c.getTotalUnreadCount())),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    await quietSecond();
  });

  it('uses 50 requests per second per Client-Id by default', async () => {
    await control('POST', '/ozon/settings', { rateLimitPerSecond: 100 });
    const oc = client({ retry: { maxAttempts: 1 } });
    const started = Date.now();
    await Promise.all(Array.from({ length: 51 }, () => oc.getTotalUnreadCount()));
    // The 51st request waits for the first second to pass.
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    await quietSecond();
  });
});

describe('Ozon client: bad input never reaches the network', () => {
  it('keeps every request on its fixed endpoint whatever the chat id holds', async () => {
    counter.reset();
    const tricky = '../v1/chat/start?x=1#y';
    await caught(client().listMessages(tricky));
    expect(counter.requests.map((r) => new URL(r.url).pathname)).toEqual(['/ozon/v3/chat/history']);
    expect((counter.jsonBodies()[0] as { chat_id: string }).chat_id).toBe(tricky);
  });

  it('refuses bad ids, texts, files and options before any request', async () => {
    const oc = client();
    const cases: Array<[() => Promise<unknown>, RegExp]> = [
      [() => oc.sendText('c', ''), /Ozon: text is empty/],
      [() => oc.sendText('c', 'я'.repeat(1001)), /1000 characters/],
      [() => oc.sendText('', 'hi'), /Ozon: chatId is empty/],
      [
        () => oc.listMessages('c', { afterMessageId: '12abc' }),
        /afterMessageId must be a message id of decimal digits/,
      ],
      [
        () => oc.listMessages('c', { afterMessageId: Number('3000000000817031942') as unknown as string }),
        /not an exact integer/,
      ],
      [() => oc.listMessages('c', { cursor: 'page-2' }), /cursor is not one this client returned/],
      [() => oc.markRead('c', '1/2'), /upToMessageId must be a message id/],
      [
        () => oc.sendFile('c', { name: 'a.png', data: new Uint8Array(2) }, { text: 'hi' }),
        /cannot send a text with a file/,
      ],
      [() => oc.sendFile('c', { name: 'empty.png', data: new Uint8Array(0) }), /is empty/],
      [() => oc.startChat({}), /postingNumber is required/],
      [() => oc.startChat({ postingNumber: '1-1-1', returnId: '5' }), /only a postingNumber/],
      [() => oc.listChats({ orderId: '123' }), /cannot list chats by order/],
    ];
    for (const [run, message] of cases) {
      expect(await requestsOf(run), String(message)).toBe(0);
      const err = await caught(run());
      expect(err.message).toMatch(message);
      expect(err.marketplace).toBe('ozon');
    }
    expect(() => client({ credentials: { clientId: '', apiKey: 'k' } })).toThrow(
      /credentials.clientId is required/,
    );
  });
});
