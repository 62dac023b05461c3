import { randomBytes } from 'node:crypto';
import { type RunningSandbox, startSandbox } from '@sellerchat/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAxiosTransport, nodeRuntime } from '../../axios/index.js';
import { isSellerChatError, type SellerChatError } from '../../errors/errors.js';
import { countingTransport } from '../shared/testing/counting-transport.js';
import { createYandexClient, type YandexClient } from './client.js';

let sb: RunningSandbox;
let creds: { apiKey: string; businessId: string };
let readOnly: { apiKey: string; businessId: string };
const counter = countingTransport(createAxiosTransport());

function client(overrides: Partial<Parameters<typeof createYandexClient>[0]> = {}): YandexClient {
  return createYandexClient({
    credentials: creds,
    baseUrl: `${sb.url}/yandex`,
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

async function lastMessage(yc: YandexClient, chatId: string) {
  let last: Awaited<ReturnType<YandexClient['getMessage']>> | undefined;
  for await (const m of yc.iterateMessages(chatId)) last = m;
  if (!last) throw new Error(`chat ${chatId} has no messages`);
  return last;
}

async function requestsOf(run: () => Promise<unknown>): Promise<number> {
  counter.reset();
  await run().catch(() => undefined);
  return counter.requests.length;
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 1, chats: 45 });
  const all = await control<Record<string, { apiKey: string; businessId: string }>>(
    'GET',
    '/yandex/credentials',
  );
  creds = all.default!;
  readOnly = all.readOnly!;
});
afterEach(async () => {
  await control('DELETE', '/faults');
});
afterAll(async () => {
  await sb?.close();
});

describe('Yandex client against the sandbox: reading', () => {
  it('pages through every chat with page_token, each page at most 20', async () => {
    const threads = await control<unknown[]>('GET', '/yandex/threads');
    counter.reset();
    const ids: string[] = [];
    for await (const chat of client().iterateChats({ limit: 7 })) ids.push(chat.id);
    expect(ids.length).toBe(threads.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(counter.requests.length).toBe(Math.ceil(threads.length / 7));
    const urls = counter.requests.map((r) => new URL(r.url));
    expect(urls.every((u) => u.pathname === `/yandex/v2/businesses/${creds.businessId}/chats`)).toBe(true);
    expect(urls[0]!.searchParams.get('page_token')).toBeNull();
    expect(urls[1]!.searchParams.get('page_token')).toBeTruthy();
    expect(counter.requests.every((r) => r.headers['Api-Key'] === creds.apiKey)).toBe(true);
  });

  it('clamps limit to 1–20 and maps statuses to Yandex statuses in the body', async () => {
    counter.reset();
    const page = await client().listChats({ limit: 500, statuses: ['waiting_for_seller', 'other'] });
    expect(new URL(counter.requests[0]!.url).searchParams.get('limit')).toBe('20');
    expect(counter.jsonBodies()[0]).toEqual({
      statuses: ['WAITING_FOR_PARTNER', 'WAITING_FOR_ARBITER', 'WAITING_FOR_MARKET'],
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((c) => c.status === 'waiting_for_seller' || c.status === 'other')).toBe(true);
    counter.reset();
    await client().listChats({ limit: 0 });
    expect(new URL(counter.requests[0]!.url).searchParams.get('limit')).toBe('1');
  });

  it('passes contexts, contextTypes and types through extra', async () => {
    counter.reset();
    const page = await client().listChats({
      extra: { contextTypes: ['RETURN'], types: ['CHAT'] },
      limit: 20,
    });
    expect(counter.jsonBodies()[0]).toEqual({ contextTypes: ['RETURN'], types: ['CHAT'] });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((c) => c.kind === 'return' && c.context.returnId !== undefined)).toBe(true);
  });

  it('gets one chat, with ids as strings and times in UTC', async () => {
    const [first] = (await client().listChats({ limit: 1 })).items;
    const chat = await client().getChat(first!.id);
    expect(chat.id).toBe(first!.id);
    expect(chat.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(chat.lastMessageAt).toBe(first!.lastMessageAt);
    expect(new URL(counter.requests.at(-1)!.url).searchParams.get('chatId')).toBe(first!.id);
  });

  it('reads history oldest first, and only what came after a known message', async () => {
    const yc = client();
    let chatId = '';
    let all: Awaited<ReturnType<YandexClient['listMessages']>>['items'] = [];
    for await (const chat of yc.iterateChats()) {
      all = (await yc.listMessages(chat.id)).items;
      chatId = chat.id;
      if (all.length >= 3) break;
    }
    expect(all.length).toBeGreaterThanOrEqual(3);
    const chat = { id: chatId };
    const times = all.map((m) => Date.parse(m.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const after = await yc.listMessages(chat!.id, { afterMessageId: all[0]!.id });
    expect(after.items.map((m) => m.id)).toEqual(all.slice(1).map((m) => m.id));
    expect(counter.jsonBodies().at(-1)).toEqual({ messageIdFrom: Number(all[0]!.id) });
  });

  it('follows history pages after a known message (120 new buyer messages)', async () => {
    const yc = client();
    const [chat] = (await yc.listChats({ limit: 1 })).items;
    const before = (await yc.listMessages(chat!.id, { limit: 100 })).items;
    const last = before.at(-1)!;
    const written: string[] = [];
    for (let i = 0; i < 120; i++) {
      written.push(
        (
          await control<{ messageId: string }>('POST', '/yandex/buyer/messages', {
            chatId: chat!.id,
            text: `q${i}`,
          })
        ).messageId,
      );
    }
    counter.reset();
    const page = await yc.listMessages(chat!.id, { afterMessageId: last.id });
    expect(page.next).toBeUndefined();
    expect(page.items.map((m) => m.id)).toEqual(written);
    expect(page.items.every((m) => m.sender === 'buyer')).toBe(true);
    expect(page.items[119]!.text).toBe('q119');
    expect(counter.requests.length).toBe(2);
    const iterated: string[] = [];
    for await (const m of yc.iterateMessages(chat!.id)) iterated.push(m.id);
    expect(iterated.slice(-120)).toEqual(written);
  });

  it('gets one message by id (the getChatMessage extra)', async () => {
    const yc = client();
    const [chat] = (await yc.listChats({ limit: 1 })).items;
    const [first] = (await yc.listMessages(chat!.id, { limit: 1 })).items;
    const message = await yc.getMessage(chat!.id, first!.id);
    expect(message).toMatchObject({
      id: first!.id,
      chatId: chat!.id,
      text: first!.text,
      createdAt: first!.createdAt,
    });
  });
});

describe('Yandex client against the sandbox: writing', () => {
  it('sends a text and reads it back as a seller message', async () => {
    const yc = client();
    const [chat] = (await yc.listChats({ limit: 1 })).items;
    const text = `Здравствуйте! ${Date.now()}`;
    counter.reset();
    const result = await yc.sendText(chat!.id, text);
    expect(result).toEqual({});
    const sent = counter.requests[0]!;
    expect(new URL(sent.url).pathname).toBe(`/yandex/v2/businesses/${creds.businessId}/chats/message`);
    expect(new URL(sent.url).searchParams.get('chatId')).toBe(chat!.id);
    expect(counter.jsonBodies()[0]).toEqual({ message: text });
    expect(await lastMessage(yc, chat!.id)).toMatchObject({ sender: 'seller', text });
    const seller = await control<Array<{ chatId: string; text: string }>>('GET', '/yandex/seller-messages');
    expect(seller.filter((m) => m.text === text)).toEqual([expect.objectContaining({ chatId: chat!.id })]);
  });

  it('sends a file as multipart field "file" and the bytes come back exact through the attachment URL', async () => {
    const yc = client();
    const [chat] = (await yc.listChats({ limit: 1 })).items;
    const data = new Uint8Array(randomBytes(300_000));
    const name = `scan-${Date.now()}.pdf`;
    counter.reset();
    await yc.sendFile(chat!.id, { name, data, mimeType: 'application/pdf' });
    const body = counter.requests[0]!.body;
    expect(body?.type).toBe('multipart');
    if (body?.type === 'multipart') expect(body.parts.map((p) => p.name)).toEqual(['file']);
    const message = await lastMessage(yc, chat!.id);
    expect(message.sender).toBe('seller');
    expect(message.attachments).toEqual([
      { name, url: expect.any(String), ref: expect.any(String), size: data.length },
    ]);
    const bytes = await yc.downloadAttachment(message.attachments[0]!);
    expect(Buffer.from(bytes).equals(Buffer.from(data))).toBe(true);
    // The file host is not the API: no Api-Key may travel there.
    const download = counter.requests.at(-1)!;
    expect(download.url).toBe(message.attachments[0]!.url);
    expect(Object.keys(download.headers).map((h) => h.toLowerCase())).not.toContain('api-key');
  });

  it('starts a chat for an order and gets the same chat again for the same order', async () => {
    const yc = client();
    const orderIds: number[] = [];
    for await (const chat of yc.iterateChats())
      if (chat.context.orderId) orderIds.push(Number(chat.context.orderId));
    // The sandbox seeds spare orders, 11 apart, after the ones that have chats.
    const spare = String(Math.max(...orderIds) + 11);
    const chat = await yc.startChat({ orderId: spare });
    expect(chat).toMatchObject({ kind: 'order', status: 'new', context: { orderId: spare } });
    const again = await yc.startChat({ orderId: spare });
    expect(again.id).toBe(chat.id);
    expect(
      counter
        .jsonBodies()
        .filter((b) => b !== undefined)
        .at(-1),
    ).toEqual({ context: { type: 'ORDER', id: Number(spare) } });
  });

  it('never posts twice when the response to a send is lost', async () => {
    const yc = client();
    const [chat] = (await yc.listChats({ limit: 1 })).items;
    const text = `lost-response ${Date.now()}`;
    await control('POST', '/faults', {
      marketplace: 'yandex',
      kind: 'lost-response',
      method: 'POST',
      path: '/v2/businesses/*/chats/message',
      times: 1,
    });
    const result = await yc.sendText(chat!.id, text);
    expect(result.message).toMatchObject({ sender: 'seller', text, chatId: chat!.id });
    expect(result.messageId).toBe(result.message!.id);
    const seller = await control<Array<{ text: string }>>('GET', '/yandex/seller-messages');
    expect(seller.filter((m) => m.text === text)).toHaveLength(1);
  });

  it('sends again when the send failed with a 5xx that stored nothing', async () => {
    const yc = client();
    const [chat] = (await yc.listChats({ limit: 1 })).items;
    const text = `retry-after-502 ${Date.now()}`;
    await control('POST', '/faults', {
      marketplace: 'yandex',
      kind: 'html',
      method: 'POST',
      path: '/v2/businesses/*/chats/message',
      times: 1,
    });
    await yc.sendText(chat!.id, text);
    const seller = await control<Array<{ text: string }>>('GET', '/yandex/seller-messages');
    expect(seller.filter((m) => m.text === text)).toHaveLength(1);
  });
});

describe('Yandex client against the sandbox: errors', () => {
  it('a read-only key reads but cannot write: PermissionError with Yandex code and message', async () => {
    const ro = client({ credentials: readOnly });
    const [chat] = (await ro.listChats({ limit: 1 })).items;
    const err = await caught(ro.sendText(chat!.id, 'hello'));
    expect(err.kind).toBe('permission');
    expect(err.status).toBe(403);
    expect(err.code).toBeTruthy();
    expect(err.marketplaceMessage).toMatch(/read-only/);
    expect(err.message).toMatch(/communication/);
    expect(JSON.stringify(err)).not.toContain(readOnly.apiKey);
    expect(err.message).not.toContain(readOnly.apiKey);
  });

  it('a missing key is an AuthError (401); an unknown key is refused (403) without echoing it', async () => {
    const missing = createYandexClient({
      credentials: { apiKey: 'x', businessId: creds.businessId },
      baseUrl: `${sb.url}/yandex`,
      transport: (r) => counter.transport({ ...r, headers: {} }),
      runtime: nodeRuntime,
    });
    expect((await caught(missing.listChats())).kind).toBe('auth');
    const wrongKey = 'ACMA:not-a-real-key:12345678';
    const err = await caught(
      client({ credentials: { apiKey: wrongKey, businessId: creds.businessId } }).listChats(),
    );
    expect(err.status).toBe(403);
    expect(JSON.stringify(err)).not.toContain(wrongKey);
  });

  it('420 is a RateLimitError with the Retry-After hint', async () => {
    await control('POST', '/faults', {
      marketplace: 'yandex',
      kind: 'rate-limit',
      status: 420,
      retryAfter: 7,
      times: 1,
    });
    const err = await caught(client({ retry: { maxAttempts: 1 } }).listChats());
    expect(err.kind).toBe('rate_limit');
    expect(err.status).toBe(420);
    expect((err as SellerChatError & { retryAfterMs?: number }).retryAfterMs).toBe(7000);
  });

  it('a spent hourly quota is a 420 RateLimitError waiting until X-RateLimit-Resource-Until', async () => {
    const yc = client({ retry: { maxAttempts: 1 } });
    const [chat] = (await yc.listChats({ limit: 1 })).items;
    await control('POST', '/yandex/settings', { quotas: { getChatMessage: 1 } });
    try {
      const [first] = (await yc.listMessages(chat!.id, { limit: 1 })).items;
      counter.reset();
      await yc.getMessage(chat!.id, first!.id).catch(() => undefined); // may be the one allowed call
      const err = await caught(yc.getMessage(chat!.id, first!.id));
      expect(err.kind).toBe('rate_limit');
      expect(err.status).toBe(420);
      const refused = counter.responses.at(-1)!;
      expect(refused.headers['x-ratelimit-resource-remaining']).toBe('0');
      const until = Date.parse(refused.headers['x-ratelimit-resource-until']!);
      const wait = (err as SellerChatError & { retryAfterMs?: number }).retryAfterMs!;
      expect(Math.abs(Date.now() + wait - until)).toBeLessThan(2000);
    } finally {
      await control('POST', '/yandex/settings', { quotas: { getChatMessage: 1000 } });
    }
  });

  it('a 420 on a read is waited out and retried', async () => {
    await control('POST', '/faults', {
      marketplace: 'yandex',
      kind: 'rate-limit',
      status: 420,
      retryAfter: 0,
      times: 1,
    });
    counter.reset();
    const page = await client().listChats({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(counter.requests.length).toBe(2);
  });

  it('keeps at most 4 requests in flight, so 12 parallel reads never hit the 420 gate', async () => {
    await control('POST', '/yandex/settings', { latencyMs: 40 });
    try {
      const yc = client({ retry: { maxAttempts: 1 } });
      const [chat] = (await yc.listChats({ limit: 1 })).items;
      const chats = await Promise.all(Array.from({ length: 12 }, () => yc.getChat(chat!.id)));
      expect(chats.every((c) => c.id === chat!.id)).toBe(true);
      // Without the limiter the sandbox answers 420 to the fifth request in flight.
      const unlimited = client({ retry: { maxAttempts: 1 }, limits: { all: { concurrency: 12 } } });
      const results = await Promise.allSettled(Array.from({ length: 12 }, () => unlimited.getChat(chat!.id)));
      expect(
        results.some((r) => r.status === 'rejected' && (r.reason as SellerChatError).status === 420),
      ).toBe(true);
    } finally {
      await control('POST', '/yandex/settings', { latencyMs: 0 });
    }
  });

  it('an unknown chat is NotFoundError', async () => {
    const err = await caught(client().getChat('999999999'));
    expect(err.kind).toBe('not_found');
    expect(err.operation).toBe('getChat');
  });
});

describe('Yandex client: bad input never reaches the network', () => {
  it('refuses ids that could change the endpoint, before any request', async () => {
    const yc = client();
    for (const bad of [
      '1/../../chats',
      '1?limit=5',
      '1#x',
      '..',
      '',
      ' ',
      'abc',
      '-1',
      '0',
      '99999999999999999999',
    ]) {
      expect(await requestsOf(() => yc.getChat(bad)), `getChat(${JSON.stringify(bad)})`).toBe(0);
      const err = await caught(yc.getChat(bad));
      expect(err.kind).toBe('validation');
      expect(err.message).toMatch(/Yandex Market/);
    }
    expect(await requestsOf(() => yc.getMessage('1', '2&chatId=3'))).toBe(0);
    expect(await requestsOf(() => yc.listMessages('1', { afterMessageId: '5/..' }))).toBe(0);
    expect(() => client({ credentials: { apiKey: creds.apiKey, businessId: '1/../2' } })).toThrow(
      /businessId/,
    );
  });

  it('refuses texts and files outside the limits, naming field, limit and marketplace', async () => {
    const yc = client();
    const cases: Array<[() => Promise<unknown>, RegExp]> = [
      [() => yc.sendText('1', ''), /Yandex Market: text is empty/],
      [() => yc.sendText('1', 'x'.repeat(4097)), /4096 characters/],
      [() => yc.sendFile('1', { name: 'big.bin', data: new Uint8Array(5 * 1024 * 1024 + 1) }), /5 MB/],
      [
        () => yc.sendFile('1', { name: 'a.png', data: new Uint8Array(3) }, { text: 'hi' }),
        /cannot send a text with a file/,
      ],
      [
        () => yc.sendText('1', 'hi', { attachments: [{ name: 'a.png', data: new Uint8Array(3) }] }),
        /cannot send files with a text/,
      ],
      [() => yc.startChat({}), /exactly one of orderId or returnId/],
      [() => yc.startChat({ postingNumber: '1-2-3' }), /exactly one of orderId or returnId/],
      [() => yc.startChat({ orderId: '1', returnId: '2' }), /exactly one/],
      [() => yc.markRead('1'), /cannot mark messages as read/],
      [() => yc.listChats({ limit: Number.NaN }), /limit must be a number/],
      [() => yc.listChats({ unreadOnly: true, statuses: ['closed'] }), /unreadOnly/],
    ];
    for (const [run, message] of cases) {
      expect(await requestsOf(run), String(message)).toBe(0);
      const err = await caught(run());
      expect(err.message).toMatch(message);
      expect(err.marketplace).toBe('yandex');
    }
    expect((await caught(yc.markRead('1'))).kind).toBe('not_supported');
    expect(
      ((await caught(yc.sendText('1', 'x'.repeat(4097)))) as SellerChatError & { limit?: string }).limit,
    ).toBe('4096 characters');
  });
});
