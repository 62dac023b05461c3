// The contract every marketplace client must pass, as plain async checks over a harness. The
// same checks run for every marketplace; what differs is read from the capabilities descriptor
// (and, for sandbox facts, from fixtures.ts). Each check throws on the first broken promise.
import { expect } from 'vitest';
import { isSellerChatError, type SellerChatError } from '../../errors/errors.js';
import type { Chat } from '../../model/chat.js';
import type { Message } from '../../model/message.js';
import type { MarketplaceClient, StartChatInput } from '../client.js';
import { lookalikeId } from './fixtures.js';
import type { ContractHarness } from './harness.js';
import { samplePdf, samplePng } from './sample-files.js';

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const PATH_INJECTIONS = ['../x', 'a/b', 'a?b=1', 'a#b'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let serial = 0;
/** A text no other send of this run used, so the sandbox's seller messages can be counted by it. */
function uniqueText(what: string): string {
  serial += 1;
  return `contract ${what} #${serial} ${Date.now().toString(36)}`;
}

export async function caught(run: () => Promise<unknown>): Promise<SellerChatError> {
  try {
    await run();
  } catch (error) {
    if (isSellerChatError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a SellerChatError, but it succeeded');
}

/** The call fails with `kind` and not one request left the client. */
async function refusedBeforeRequest(
  h: ContractHarness,
  run: () => Promise<unknown>,
  kind: SellerChatError['kind'],
): Promise<SellerChatError> {
  h.counter.reset();
  const error = await caught(run);
  expect(error.kind, error.message).toBe(kind);
  expect(error.marketplace).toBe(h.marketplace);
  expect(h.counter.requests.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  return error;
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function expectChatShape(h: ContractHarness, chat: Chat): void {
  expect(chat.marketplace).toBe(h.marketplace);
  expect(typeof chat.id).toBe('string');
  expect(chat.id).not.toBe('');
  for (const time of [chat.createdAt, chat.lastMessageAt])
    if (time !== undefined) expect(time).toMatch(ISO_UTC);
  for (const value of Object.values(chat.context))
    if (value !== undefined) expect(typeof value).toBe('string');
  // The marketplace's own object is kept, and it is the object this chat came from.
  expect(typeof chat.raw).toBe('object');
  expect(chat.raw).not.toBeNull();
  expect(JSON.stringify(chat.raw)).toContain(chat.id);
}

function expectMessageShape(h: ContractHarness, chatId: string, message: Message): void {
  expect(message.marketplace).toBe(h.marketplace);
  expect(typeof message.id).toBe('string');
  expect(message.id).not.toBe('');
  expect(message.chatId).toBe(chatId);
  expect(message.createdAt).toMatch(ISO_UTC);
  if (message.readAt !== undefined) expect(message.readAt).toMatch(ISO_UTC);
  expect(typeof message.raw).toBe('object');
  expect(message.raw).not.toBeNull();
}

function sellerMessagesWith(h: ContractHarness, text: string) {
  return h.control.sellerMessages(h.marketplace).filter((m) => m.text === text);
}

function addFault(h: ContractHarness, fault: Record<string, unknown>): void {
  h.control.addFault({ marketplace: h.marketplace, times: 1, ...fault });
}

/** The chat as the next list shows it (where unread counts live). */
async function listed(client: MarketplaceClient, chatId: string): Promise<Chat> {
  for await (const chat of client.iterateChats()) if (chat.id === chatId) return chat;
  throw new Error(`chat ${chatId} is not in the list`);
}

/** What a request asks for, with the chat id's own segment blanked: method, path shape, query keys. */
function endpointOf(request: { method: string; url: string }, id: string): string {
  const url = new URL(request.url);
  const segments = url.pathname
    .split('/')
    .map((s) => (s === encodeURIComponent(id) || s === id ? '{id}' : s))
    .join('/');
  return `${request.method} ${segments} ?${[...url.searchParams.keys()].sort().join('&')}`;
}

// 1 ─ Paging through many chats
async function pagingThroughManyChats(h: ContractHarness): Promise<void> {
  const client = h.client();
  const expected = h.control
    .threads(h.marketplace)
    .map((t) => t.chatId)
    .sort();
  expect(expected.length).toBeGreaterThanOrEqual(50);

  const iterated = await all(client.iterateChats());
  expect(iterated.map((c) => c.id).sort()).toEqual(expected);
  for (const chat of iterated) expectChatShape(h, chat);

  const { chatsMax } = h.capabilities.paging;
  // A marketplace without paging (Storeden: chatsMax null) answers every chat in one page.
  const limit = chatsMax === null ? undefined : Math.min(chatsMax, 16);
  const paged: Chat[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await client.listChats({ limit, cursor });
    if (limit !== undefined) expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.next !== undefined) expect(typeof page.next).toBe('string');
    paged.push(...page.items);
    cursor = page.next;
    pages += 1;
  } while (cursor !== undefined && pages <= expected.length);
  expect(paged.map((c) => c.id).sort()).toEqual(expected);
  const fewest = limit === undefined ? 1 : Math.ceil(expected.length / limit);
  expect(pages).toBeGreaterThanOrEqual(fewest);
  expect(pages).toBeLessThanOrEqual(fewest + 1);
}

/** The most frequent value among `values`, ignoring undefined. */
function mostCommon<T>(values: Array<T | undefined>): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * 1b ─ Every filter the descriptor lists narrows the list to exactly the matching chats: hosts
 * offer only these, so each must hold. Values are taken from the seeded chats themselves.
 */
async function chatFilters(h: ContractHarness): Promise<void> {
  const client = h.client();
  const everyChat = await all(client.iterateChats());
  const ids = (chats: Chat[]) => chats.map((c) => c.id).sort();
  for (const filter of h.capabilities.chatFilters) {
    switch (filter) {
      case 'statuses': {
        const status = mostCommon(everyChat.map((c) => (c.status === 'other' ? undefined : c.status)));
        expect(status, 'a seeded chat with a known status').toBeDefined();
        const got = await all(client.iterateChats({ statuses: [status!] }));
        expect(ids(got), `statuses [${status}]`).toEqual(ids(everyChat.filter((c) => c.status === status)));
        break;
      }
      case 'lastMessageFrom': {
        const times = everyChat.map((c) => c.lastMessageAt).filter((t): t is string => t !== undefined);
        expect(times.length, 'chats with a last-message time').toBeGreaterThan(1);
        const from = [...times].sort()[Math.floor(times.length / 2)]!;
        const got = await all(client.iterateChats({ lastMessageFrom: from }));
        const wanted = everyChat.filter((c) => c.lastMessageAt !== undefined && c.lastMessageAt >= from);
        expect(ids(got), `lastMessageFrom ${from}`).toEqual(ids(wanted));
        expect(wanted.length).toBeLessThan(everyChat.length);
        break;
      }
      case 'orderId': {
        // The order's own chat; a return chat about the same order need not match (Yandex).
        const orderChat = everyChat.find((c) => c.kind === 'order' && c.context.orderId !== undefined);
        expect(orderChat, 'a seeded chat of an order').toBeDefined();
        const orderId = orderChat!.context.orderId!;
        const got = await all(client.iterateChats({ orderId }));
        expect(ids(got), `orderId ${orderId}`).toContain(orderChat!.id);
        for (const chat of got) expect(chat.context.orderId, `orderId ${orderId}`).toBe(orderId);
        break;
      }
      case 'unreadOnly': {
        const chatId = h.writableChatId();
        h.control.buyerWrite(h.marketplace, { chatId, text: uniqueText('unread') });
        const got = await all(client.iterateChats({ unreadOnly: true }));
        expect(
          got.map((c) => c.id),
          'the chat just written to',
        ).toContain(chatId);
        expect(got.length, 'unreadOnly narrows the list').toBeLessThan(
          (await all(client.iterateChats())).length,
        );
        for (const chat of got)
          if (chat.unreadCount !== undefined) expect(chat.unreadCount).toBeGreaterThan(0);
        break;
      }
    }
  }
}

// 2 ─ Incremental history
async function incrementalHistory(h: ContractHarness): Promise<void> {
  const client = h.client();
  const chatId = h.writableChatId();
  const before = await all(client.iterateMessages(chatId));
  const lastSeen = before.at(-1);
  expect(lastSeen, 'the chat has messages').toBeDefined();

  const texts = [1, 2, 3].map((n) => uniqueText(`buyer ${n}`));
  const written = texts.map((text) => h.control.buyerWrite(h.marketplace, { chatId, text }).messageId);

  const page = await client.listMessages(chatId, { afterMessageId: lastSeen!.id });
  expect(page.items).toHaveLength(3);
  expect(page.items.map((m) => m.text)).toEqual(texts);
  expect(page.items.map((m) => m.id)).toEqual(written);
  expect(page.items.map((m) => m.sender)).toEqual(['buyer', 'buyer', 'buyer']);
  for (const message of page.items) expectMessageShape(h, chatId, message);

  const history = await all(client.iterateMessages(chatId));
  const ids = history.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(h.control.thread(h.marketplace, chatId).map((m) => m.id));
  const times = history.map((m) => Date.parse(m.createdAt));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(ids.slice(-3)).toEqual(written);
  for (const message of history) expectMessageShape(h, chatId, message);
}

// 3 ─ Send and read back
async function sendAndReadBack(h: ContractHarness): Promise<void> {
  const client = h.client();
  const chatId = h.writableChatId();
  const text = uniqueText('send');
  const result = await client.sendText(chatId, text);
  if (result.messageId !== undefined) expect(typeof result.messageId).toBe('string');

  const stored = sellerMessagesWith(h, text);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.chatId).toBe(chatId);

  const mine = (await all(client.iterateMessages(chatId))).filter((m) => m.text === text);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.sender).toBe('seller');
  if (result.messageId !== undefined) expect(mine[0]!.id).toBe(result.messageId);
}

async function textOutsideLimits(h: ContractHarness): Promise<void> {
  const client = h.client();
  const chatId = h.writableChatId();
  const { displayName, text } = h.capabilities;
  const empty = (await refusedBeforeRequest(
    h,
    () => client.sendText(chatId, '   '),
    'validation',
  )) as SellerChatError & {
    field?: string;
    limit?: string;
  };
  expect(empty.field).toBe('text');
  expect(empty.message).toContain(displayName);
  if (text.maxLength === null) return;
  const long = (await refusedBeforeRequest(
    h,
    () => client.sendText(chatId, 'x'.repeat(text.maxLength! + 1)),
    'validation',
  )) as SellerChatError & { field?: string; limit?: string };
  expect(long.field).toBe('text');
  expect(long.limit).toContain(String(text.maxLength));
  expect(long.message).toContain(displayName);
  expect(long.message).toContain(String(text.maxLength));
}

// 4 ─ Files, byte-exact where supported
async function download(client: MarketplaceClient, attachment: { url?: string; ref?: string }) {
  if (client.downloadAttachment) return client.downloadAttachment(attachment);
  const response = await fetch(attachment.url!);
  return new Uint8Array(await response.arrayBuffer());
}

async function filesRoundTrip(h: ContractHarness): Promise<void> {
  const client = h.client();
  const chatId = h.writableChatId();
  const caps = h.capabilities;
  const files = [
    samplePng(`contract-${Date.now()}.png`, serial + 7),
    samplePdf(`contract-${Date.now()}.pdf`, uniqueText('pdf')),
  ];
  const sent: Array<{ name: string; data: Uint8Array }> = [];

  if (caps.attachmentsWithText) {
    const text = uniqueText('with files');
    await client.sendText(chatId, text, { attachments: files });
    sent.push(...files);
  } else {
    await refusedBeforeRequest(
      h,
      () => client.sendText(chatId, uniqueText('refused'), { attachments: files }),
      'not_supported',
    );
  }
  if (caps.sendFile === 'none') {
    await refusedBeforeRequest(h, () => client.sendFile(chatId, files[0]!), 'not_supported');
  } else {
    const more = [
      samplePng(`alone-${Date.now()}.png`, serial + 11),
      samplePdf(`alone-${Date.now()}.pdf`, uniqueText('pdf')),
    ];
    for (const file of more) await client.sendFile(chatId, file);
    sent.push(...more);
  }
  if (sent.length === 0) return;

  const history = await all(client.iterateMessages(chatId));
  for (const file of sent) {
    const carriers = history.filter((m) => m.attachments.some((a) => a.name === file.name));
    expect(carriers, file.name).toHaveLength(1);
    expect(carriers[0]!.sender).toBe('seller');
    const attachment = carriers[0]!.attachments.find((a) => a.name === file.name)!;
    const bytes = await download(client, attachment);
    expect(Buffer.from(bytes).equals(Buffer.from(file.data)), `${file.name} comes back byte for byte`).toBe(
      true,
    );
  }
}

async function filesOutsideLimits(h: ContractHarness): Promise<void> {
  const client = h.client();
  const chatId = h.writableChatId();
  const rules = h.capabilities.attachments;
  if (rules === null || h.capabilities.sendFile === 'none') {
    await refusedBeforeRequest(h, () => client.sendFile(chatId, samplePng('x.png', 1)), 'not_supported');
    return;
  }
  // Each refusal must state the limit it applied: the allowed types, the size, the count.
  // An empty file is refused everywhere; the other limits only where the descriptor has them.
  const empty = { name: 'empty.png', mimeType: 'image/png', data: new Uint8Array(0) };
  const checks: Array<[RegExp, () => Promise<unknown>]> = [
    [/1 byte|empty/, () => client.sendFile(chatId, empty)],
  ];
  if (rules.mimeTypes !== null) {
    const zip = { name: 'archive.zip', mimeType: 'application/zip', data: new Uint8Array([80, 75, 5, 6]) };
    checks.push([new RegExp(escapeRegExp(rules.mimeTypes[0]!)), () => client.sendFile(chatId, zip)]);
  }
  if (rules.maxSize !== null) {
    const big = { name: 'big.png', mimeType: 'image/png', data: new Uint8Array(rules.maxSize + 1) };
    const mb = Number((rules.maxSize / 1024 / 1024).toFixed(1));
    checks.push([
      new RegExp(`${rules.maxSize}|\\b${escapeRegExp(String(mb))} MB`),
      () => client.sendFile(chatId, big),
    ]);
  }
  if (h.capabilities.attachmentsWithText) {
    const many = Array.from({ length: rules.maxCount + 1 }, (_, i) => samplePng(`many-${i}.png`, i + 1));
    checks.push([
      new RegExp(`\\b${rules.maxCount} files\\b`),
      () => client.sendText(chatId, 'too many files', { attachments: many }),
    ]);
  }
  for (const [limit, run] of checks) {
    const error = (await refusedBeforeRequest(h, run, 'validation')) as SellerChatError & {
      field?: string;
      limit?: string;
    };
    expect(error.field).toMatch(/^(file|attachments)/);
    expect(error.limit).toMatch(limit);
    expect(error.message).toMatch(limit);
    expect(error.message).toContain(h.capabilities.displayName);
  }
}

// 5 ─ Errors, typed
async function wrongCredentials(h: ContractHarness): Promise<void> {
  const { credentials, secrets } = h.fixture.wrongCredentials(h.credentials);
  const error = await caught(() => h.client(credentials).listChats());
  expect(error.kind, error.message).toBe('auth');
  expect(error.marketplace).toBe(h.marketplace);
  for (const secret of secrets) {
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
  }
}

async function unknownChat(h: ContractHarness): Promise<void> {
  const known = h.control.threads(h.marketplace).map((t) => t.chatId);
  const missing = lookalikeId(known[0]!);
  expect(known).not.toContain(missing);
  // Every descriptor says getChat: every client's docs say an absent chat is a NotFoundError.
  const error = await caught(() => h.client().getChat(missing));
  expect(error.kind, error.message).toBe('not_found');
  expect(error.marketplace).toBe(h.marketplace);
}

async function rateLimitedSend(h: ContractHarness): Promise<void> {
  const client = h.client();
  const chatId = h.writableChatId();
  const { method, path } = h.fixture.sendText;
  const sends = () => h.counter.requests.filter((r) => r.method === method);

  // A refusal within the wait the pipeline takes itself: the marketplace stored nothing, so the
  // send is made again after Retry-After and lands once.
  const text = uniqueText('rate limited');
  addFault(h, { kind: 'rate-limit', status: h.fixture.rateLimitStatus, retryAfter: 1, method, path });
  h.counter.reset();
  await client.sendText(chatId, text);
  expect(sends()).toHaveLength(2);
  expect(sellerMessagesWith(h, text)).toHaveLength(1);

  // A longer wait surfaces as the typed error with the wait on it, the send made once.
  const later = uniqueText('rate limited for an hour');
  addFault(h, { kind: 'rate-limit', status: h.fixture.rateLimitStatus, retryAfter: 3600, method, path });
  h.counter.reset();
  const error = (await caught(() => client.sendText(chatId, later))) as SellerChatError & {
    retryAfterMs?: number;
  };
  expect(error.kind, error.message).toBe('rate_limit');
  expect(error.status).toBe(h.fixture.rateLimitStatus);
  expect(error.retryAfterMs).toBe(3_600_000);
  expect(sends()).toHaveLength(1);
  expect(sellerMessagesWith(h, later)).toHaveLength(0);
}

async function serverErrorOnReadIsRetried(h: ContractHarness): Promise<void> {
  const { method, path } = h.fixture.listChats;
  addFault(h, { kind: 'status', status: 500, method, path });
  h.counter.reset();
  const page = await h.client().listChats();
  expect(page.items.length).toBeGreaterThan(0);
  expect(h.counter.responses.map((r) => r.status)).toEqual([500, 200]);
}

async function lostResponseOnSend(h: ContractHarness): Promise<void> {
  const client = h.client();
  const chatId = h.writableChatId();
  const text = uniqueText('lost response');
  addFault(h, { kind: 'lost-response', ...h.fixture.sendText });
  await client.sendText(chatId, text);
  expect(h.control.faults()).toEqual([]);
  expect(sellerMessagesWith(h, text)).toHaveLength(1);
  const mine = (await all(client.iterateMessages(chatId))).filter((m) => m.text === text);
  expect(mine).toHaveLength(1);
}

// 6 ─ Mark read, start chat
async function markRead(h: ContractHarness): Promise<void> {
  const client = h.client();
  const chatId = h.writableChatId();
  const mode = h.capabilities.markRead;
  if (mode === 'none') {
    await refusedBeforeRequest(h, () => client.markRead(chatId), 'not_supported');
    return;
  }
  const unread = async () => (await listed(client, chatId)).unreadCount;
  h.control.buyerWrite(h.marketplace, { chatId, text: uniqueText('unread 1') });
  h.control.buyerWrite(h.marketplace, { chatId, text: uniqueText('unread 2') });
  expect(await unread()).toBeGreaterThanOrEqual(2);
  await client.listMessages(chatId);
  if (mode === 'implicit-on-read') {
    expect(await unread(), 'reading the chat marks it seen').toBe(0);
    h.control.buyerWrite(h.marketplace, { chatId, text: uniqueText('unread 3') });
    expect(await unread()).toBeGreaterThanOrEqual(1);
  } else {
    expect(await unread(), 'reading alone leaves messages unread').toBeGreaterThanOrEqual(2);
  }
  await client.markRead(chatId);
  expect(await unread()).toBe(0);
}

const CONTEXT_KEYS = ['orderId', 'returnId', 'postingNumber'] as const;

async function startChat(h: ContractHarness): Promise<void> {
  const client = h.client();
  if (h.capabilities.startChat === 'none') {
    await refusedBeforeRequest(h, () => client.startChat({ orderId: '1' }), 'not_supported');
    return;
  }
  const inputs = await h.fixture.startChatInputs({
    module: h.module,
    client,
    threads: h.control.threads(h.marketplace),
  });
  const wanted: Record<string, Array<(typeof CONTEXT_KEYS)[number]>> = {
    order: ['orderId'],
    'order-or-return': ['orderId', 'returnId'],
    posting: ['postingNumber'],
  };
  const given = inputs.map((input: StartChatInput) => CONTEXT_KEYS.find((k) => input[k] !== undefined));
  expect(given).toEqual(wanted[h.capabilities.startChat]);
  for (const input of inputs) {
    const key = CONTEXT_KEYS.find((k) => input[k] !== undefined)!;
    const before = h.control.threads(h.marketplace).map((t) => t.chatId);
    const chat = await client.startChat(input);
    expectChatShape(h, chat);
    expect(chat.context[key]).toBe(input[key]);
    expect(before).not.toContain(chat.id);
    expect(h.control.threads(h.marketplace).map((t) => t.chatId)).toContain(chat.id);
    if (h.fixture.startChatIdempotent) {
      expect((await client.startChat(input)).id).toBe(chat.id);
    } else {
      // Not documented as idempotent: the same chat, or a typed conflict, never a second chat.
      const again = await client.startChat(input).then(
        (c) => c.id,
        (error: unknown) => (isSellerChatError(error) ? error.kind : error),
      );
      expect([chat.id, 'conflict']).toContain(again);
    }
    expect(h.control.threads(h.marketplace).length).toBe(before.length + 1);
  }
}

// 7 ─ Path injection
async function pathInjection(h: ContractHarness): Promise<void> {
  const client = h.client();
  const good = h.writableChatId();
  h.counter.reset();
  await client.listMessages(good);
  await client.sendText(good, uniqueText('reference'));
  const endpoints = new Set(h.counter.requests.map((r) => endpointOf(r, good)));

  for (const bad of PATH_INJECTIONS) {
    for (const [name, run] of [
      ['listMessages', () => client.listMessages(bad)],
      ['sendText', () => client.sendText(bad, uniqueText('injected'))],
    ] as const) {
      h.counter.reset();
      const error = await caught(run);
      expect(['not_found', 'validation'], `${name}(${JSON.stringify(bad)}): ${error.message}`).toContain(
        error.kind,
      );
      expect(h.counter.responses.filter((r) => r.status >= 200 && r.status < 300)).toEqual([]);
      for (const request of h.counter.requests) expect(endpoints).toContain(endpointOf(request, bad));
    }
  }
}

/** Every check, by the name its test carries. */
export const CONTRACT_CHECKS = {
  'pages through every chat exactly once, with string ids, UTC times and raw kept': pagingThroughManyChats,
  'narrows the chat list by each filter the descriptor lists, to exactly the matching chats': chatFilters,
  'reads only the messages after a known one, oldest first, and the whole history without duplicates':
    incrementalHistory,
  'sends a text once and reads it back as the seller': sendAndReadBack,
  'refuses a text outside the limits before any request, naming field, limit and marketplace':
    textOutsideLimits,
  'sends files that come back byte for byte, or refuses them as not supported': filesRoundTrip,
  'refuses files outside the limits before any request': filesOutsideLimits,
  'wrong credentials are an AuthError that does not echo them': wrongCredentials,
  'an unknown chat is a NotFoundError': unknownChat,
  'a rate-limited send is sent again after Retry-After and lands once; a long wait is a RateLimitError':
    rateLimitedSend,
  'a 500 on a read is retried and succeeds once the fault clears': serverErrorOnReadIsRetried,
  'a send whose response is lost leaves exactly one message': lostResponseOnSend,
  'marks read as the descriptor says': markRead,
  'starts a chat as the descriptor says': startChat,
  'an id holding "/", "..", "?" or "#" never reaches another endpoint': pathInjection,
} satisfies Record<string, (h: ContractHarness) => Promise<void>>;

export type ContractCheckName = keyof typeof CONTRACT_CHECKS;
