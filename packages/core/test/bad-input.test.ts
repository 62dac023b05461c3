// The bad-input catalog of the core: every case is refused with a typed error that names the
// field, the limit and the marketplace, and (checked on the counting transport) before any
// request leaves the client. Push handlers answer bad bodies with the marketplace's 400 reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAxiosTransport, nodeRuntime } from '../src/axios/index.js';
import {
  createClient,
  type ErrorKind,
  type FileUpload,
  handleOzonPush,
  handleYandexPush,
  MARKETPLACE_NAMES,
  type MarketplaceClient,
  type MarketplaceId,
  type PushRequest,
  SellerChatError,
} from '../src/index.js';
import { countingTransport } from '../src/marketplaces/shared/testing/counting-transport.js';
import { openWatcherSandbox, type WatcherSandbox } from '../src/watcher/testing/sandbox-harness.js';

let ws: WatcherSandbox;
const clients = {} as Record<MarketplaceId, MarketplaceClient>;
const sent = {} as Record<MarketplaceId, () => number>;
const chat = {} as Record<MarketplaceId, string>;

beforeAll(async () => {
  ws = await openWatcherSandbox(4);
  for (const m of ['metro', 'yandex', 'ozon', 'storeden'] as const) {
    const { client, counter } = ws.client(m);
    clients[m] = client;
    sent[m] = () => counter.requests.length;
    chat[m] = ws.sb.control.threads(m)[0]!.chatId;
  }
});
afterAll(async () => {
  await ws?.close();
});

const MIB = 1024 * 1024;
const file = (name: string, size = 16, mimeType?: string): FileUpload => ({
  name,
  data: new Uint8Array(size),
  ...(mimeType ? { mimeType } : {}),
});

interface Case {
  name: string;
  marketplace?: MarketplaceId;
  kind: ErrorKind;
  /** The error's `field`; the message must name it too (or `says` what it names instead). */
  field?: string;
  /** The error's `limit`. */
  limit?: string;
  /** Further text the message must contain (the limit as the message words it, a file name...). */
  says?: string[];
  run: () => unknown;
}

/** Credentials, built into a client that must refuse them in its constructor. */
function build(
  marketplace: MarketplaceId,
  credentials: unknown,
  counter = countingTransport(createAxiosTransport()),
) {
  return () => {
    try {
      return createClient({
        marketplace,
        credentials,
        baseUrl: `${ws.sb.url}/${marketplace}`,
        transport: counter.transport,
        runtime: nodeRuntime,
      } as never);
    } finally {
      expect(counter.requests).toHaveLength(0);
    }
  };
}

const CASES: Case[] = [
  // Construction: marketplace, transport and the shape of each marketplace's credentials.
  {
    name: 'an unknown marketplace',
    kind: 'validation',
    field: 'marketplace',
    limit: 'one of metro, yandex, ozon, storeden',
    run: () => createClient({ marketplace: 'amazon', credentials: {}, transport: async () => ({}) } as never),
  },
  {
    name: 'no transport',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'transport',
    run: () => createClient({ marketplace: 'ozon', credentials: { clientId: '1', apiKey: 'k' } } as never),
  },
  {
    name: 'no runtime (a JavaScript caller skipping createNodeClient)',
    marketplace: 'storeden',
    kind: 'validation',
    field: 'runtime',
    limit: '{ clock, sleep, random }',
    says: ['createNodeClient'],
    run: () =>
      createClient({
        marketplace: 'storeden',
        credentials: { key: 'k', exchange: 'e' },
        transport: createAxiosTransport(),
      } as never),
  },
  {
    name: 'Metro without a client key',
    marketplace: 'metro',
    kind: 'validation',
    field: 'credentials.clientKey',
    limit: 'non-empty string',
    run: build('metro', { clientSecret: 's' }),
  },
  {
    name: 'Metro with a blank client secret',
    marketplace: 'metro',
    kind: 'validation',
    field: 'credentials.clientSecret',
    limit: 'non-empty string',
    run: build('metro', { clientKey: 'k', clientSecret: '   ' }),
  },
  {
    name: 'Metro with an unknown environment',
    marketplace: 'metro',
    kind: 'validation',
    field: 'credentials.environment',
    limit: 'one of production, preproduction, sandbox',
    run: build('metro', { clientKey: 'k', clientSecret: 's', environment: 'staging' }),
  },
  {
    name: 'Metro with an unknown signature encoding',
    marketplace: 'metro',
    kind: 'validation',
    field: 'credentials.signatureEncoding',
    limit: 'one of base64, hex',
    run: build('metro', { clientKey: 'k', clientSecret: 's', signatureEncoding: 'base32' }),
  },
  {
    name: 'Yandex without an Api-Key',
    marketplace: 'yandex',
    kind: 'validation',
    field: 'credentials.apiKey',
    run: build('yandex', { businessId: '1' }),
  },
  {
    name: 'Yandex with a business id holding path characters',
    marketplace: 'yandex',
    kind: 'validation',
    field: 'credentials.businessId',
    limit: 'digits, 1 to 2^63-1',
    run: build('yandex', { apiKey: 'k', businessId: '1/../../admin' }),
  },
  {
    name: 'Ozon with a Client-Id of the wrong type',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'credentials.clientId',
    run: build('ozon', { clientId: { id: 1 }, apiKey: 'k' }),
  },
  {
    name: 'Ozon without an Api-Key',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'credentials.apiKey',
    run: build('ozon', { clientId: '1' }),
  },
  {
    name: 'Storeden without an exchange',
    marketplace: 'storeden',
    kind: 'validation',
    field: 'credentials.exchange',
    limit: 'non-empty string',
    run: build('storeden', { key: 'k' }),
  },
  {
    name: 'Storeden with no credentials at all',
    marketplace: 'storeden',
    kind: 'validation',
    field: 'credentials.key',
    limit: 'non-empty string',
    run: build('storeden', undefined),
  },

  // Texts: empty, blank, too long, not a string.
  ...(['metro', 'yandex', 'ozon', 'storeden'] as const).map(
    (m): Case => ({
      name: `${m}: a blank text`,
      marketplace: m,
      kind: 'validation',
      field: 'text',
      limit: 'at least 1 character',
      says: ['empty', 'at least 1 character'],
      run: () => clients[m].sendText(chat[m], '  \n '),
    }),
  ),
  {
    name: 'Yandex: a text one character over 4096',
    marketplace: 'yandex',
    kind: 'validation',
    field: 'text',
    limit: '4096 characters',
    says: ['4097 characters', 'the limit is 4096 characters'],
    run: () => clients.yandex.sendText(chat.yandex, 'x'.repeat(4097)),
  },
  {
    name: 'Ozon: a text one character over 1000',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'text',
    limit: '1000 characters',
    says: ['1001 characters', 'the limit is 1000 characters'],
    run: () => clients.ozon.sendText(chat.ozon, 'x'.repeat(1001)),
  },
  {
    name: 'Ozon: 501 emoji are 1002 UTF-16 units, over 1000',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'text',
    limit: '1000 characters',
    says: ['1002 characters', 'the limit is 1000 characters'],
    run: () => clients.ozon.sendText(chat.ozon, '😀'.repeat(501)),
  },
  {
    name: 'Metro: a text that is a number',
    marketplace: 'metro',
    kind: 'validation',
    field: 'text',
    limit: 'a string',
    says: ['got number'],
    run: () => clients.metro.sendText(chat.metro, 42 as never),
  },
  {
    name: 'Storeden: a text that is null',
    marketplace: 'storeden',
    kind: 'validation',
    field: 'text',
    limit: 'a string',
    says: ['got null'],
    run: () => clients.storeden.sendText(chat.storeden, null as never),
  },

  // Attachments: too many, too large, wrong type, empty, not a file, none allowed.
  {
    name: 'Metro: 11 files, over 10',
    marketplace: 'metro',
    kind: 'validation',
    field: 'attachments',
    limit: '10 files',
    says: ['11 files', 'the limit is 10 files'],
    run: () =>
      clients.metro.sendText(chat.metro, 'see files', {
        attachments: Array.from({ length: 11 }, (_, i) => file(`f${i}.pdf`)),
      }),
  },
  {
    name: 'Metro: a file over 10 MB',
    marketplace: 'metro',
    kind: 'validation',
    field: 'attachments[0]',
    limit: '10 MB (10485760 bytes)',
    says: ['big.pdf', '10485761 bytes', 'the limit is 10 MB'],
    run: () => clients.metro.sendText(chat.metro, 'big', { attachments: [file('big.pdf', 10 * MIB + 1)] }),
  },
  {
    name: 'Metro: a zip archive, a type Metro refuses',
    marketplace: 'metro',
    kind: 'validation',
    field: 'file[0]',
    limit:
      'one of image/png, image/jpg, image/jpeg, application/pdf, application/vnd.ms-excel, application/msword, application/vnd.ms-word, text/plain',
    says: ['logs.zip', 'application/zip', 'allowed types are image/png'],
    run: () => clients.metro.sendFile(chat.metro, file('logs.zip', 16, 'application/zip')),
  },
  {
    name: 'Metro: a file of unknown type',
    marketplace: 'metro',
    kind: 'validation',
    field: 'file[0]',
    says: ['blob', 'unknown type'],
    run: () => clients.metro.sendFile(chat.metro, file('blob')),
  },
  {
    name: 'Metro: an empty file',
    marketplace: 'metro',
    kind: 'validation',
    field: 'file[0]',
    limit: 'at least 1 byte',
    says: ['empty.pdf', 'empty'],
    run: () => clients.metro.sendFile(chat.metro, file('empty.pdf', 0)),
  },
  {
    name: 'Metro: a file whose bytes are a string',
    marketplace: 'metro',
    kind: 'validation',
    field: 'attachments[1]',
    limit: '{ name, data: Uint8Array, mimeType? }',
    run: () =>
      clients.metro.sendText(chat.metro, 'two', {
        attachments: [file('a.pdf'), { name: 'b.pdf', data: 'JVBERi0=' } as never],
      }),
  },
  {
    name: 'Metro: a file without a name',
    marketplace: 'metro',
    kind: 'validation',
    field: 'file[0].name',
    limit: 'a file name',
    says: ['file[0]', 'no file name'],
    run: () => clients.metro.sendFile(chat.metro, file('  ', 8, 'application/pdf')),
  },
  {
    name: 'Metro: attachments that are not a list',
    marketplace: 'metro',
    kind: 'validation',
    field: 'attachments',
    limit: 'a list',
    run: () => clients.metro.sendText(chat.metro, 'one', { attachments: file('a.pdf') as never }),
  },
  {
    name: 'Yandex: a file over 5 MB',
    marketplace: 'yandex',
    kind: 'validation',
    field: 'attachments[0]',
    limit: '5 MB (5242880 bytes)',
    says: ['photo.png', '5242881 bytes', 'the limit is 5 MB'],
    run: () => clients.yandex.sendFile(chat.yandex, file('photo.png', 5 * MIB + 1)),
  },
  {
    name: 'Ozon: a file that is null',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'attachments[0]',
    limit: '{ name, data: Uint8Array, mimeType? }',
    run: () => clients.ozon.sendFile(chat.ozon, null as never),
  },
  {
    name: 'Ozon: files together with a text',
    marketplace: 'ozon',
    kind: 'not_supported',
    says: ['sendFile'],
    run: () => clients.ozon.sendText(chat.ozon, 'two', { attachments: [file('a.png'), file('b.png')] }),
  },
  {
    name: 'Yandex: files together with a text',
    marketplace: 'yandex',
    kind: 'not_supported',
    says: ['sendFile'],
    run: () => clients.yandex.sendText(chat.yandex, 'and a file', { attachments: [file('a.png')] }),
  },
  {
    name: 'Storeden: any file',
    marketplace: 'storeden',
    kind: 'not_supported',
    says: ['sendFile', 'text only'],
    run: () => clients.storeden.sendFile(chat.storeden, file('a.png')),
  },

  // Ids: path characters, control characters, too long, wrong type.
  {
    name: 'Yandex: a chat id with path characters',
    marketplace: 'yandex',
    kind: 'validation',
    field: 'chatId',
    limit: 'digits, 1 to 2^63-1',
    run: () => clients.yandex.listMessages('1/../../admin'),
  },
  {
    name: 'Yandex: a chat id of 257 characters',
    marketplace: 'yandex',
    kind: 'validation',
    field: 'chatId',
    limit: '256 characters',
    says: ['257 characters', 'the limit is 256 characters'],
    run: () => clients.yandex.getChat('1'.repeat(257)),
  },
  {
    name: 'Metro: a chat id of ".."',
    marketplace: 'metro',
    kind: 'validation',
    field: 'chatId',
    limit: 'an id, not "." or ".."',
    run: () => clients.metro.sendText('..', 'hello'),
  },
  {
    name: 'Metro: an empty chat id',
    marketplace: 'metro',
    kind: 'validation',
    field: 'chatId',
    limit: 'a non-empty string',
    says: ['empty'],
    run: () => clients.metro.listMessages(''),
  },
  {
    name: 'Ozon: a chat id with a line break',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'chatId',
    limit: 'no control characters',
    run: () => clients.ozon.sendText('abc\r\nX-Injected: 1', 'hello'),
  },
  {
    name: 'Ozon: a message id with path characters',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'upToMessageId',
    limit: 'decimal digits',
    run: () => clients.ozon.markRead(chat.ozon, '12/../34'),
  },
  {
    name: 'Ozon: a chat id that is an object',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'chatId',
    limit: 'a non-empty string',
    says: ['got object'],
    run: () => clients.ozon.getChat({ id: 'x' } as never),
  },
  {
    name: 'Yandex: a chat id beyond 2^53 given as a number',
    marketplace: 'yandex',
    kind: 'validation',
    field: 'chatId',
    limit: 'an integer up to 2^53 - 1, or a string',
    says: ['pass ids as strings'],
    run: () => clients.yandex.getChat((2 ** 60) as never),
  },
  {
    name: 'Storeden: a chat id with path characters',
    marketplace: 'storeden',
    kind: 'validation',
    field: 'chatId',
    limit: 'digits (a with_id)',
    run: () => clients.storeden.sendText('7/../../orders', 'hello'),
  },
  {
    name: 'Storeden: a message id that is not 24 hex characters',
    marketplace: 'storeden',
    kind: 'validation',
    field: 'afterMessageId',
    limit: '24 hexadecimal characters',
    run: () => clients.storeden.listMessages(chat.storeden, { afterMessageId: '../messages' }),
  },

  // Operations a marketplace does not have.
  {
    name: 'Storeden: mark as read',
    marketplace: 'storeden',
    kind: 'not_supported',
    says: ['markRead'],
    run: () => clients.storeden.markRead(chat.storeden),
  },
  {
    name: 'Storeden: start a chat',
    marketplace: 'storeden',
    kind: 'not_supported',
    says: ['startChat'],
    run: () => clients.storeden.startChat({ orderId: '1' }),
  },
  {
    name: 'Yandex: mark as read',
    marketplace: 'yandex',
    kind: 'not_supported',
    says: ['markRead'],
    run: () => clients.yandex.markRead(chat.yandex),
  },

  // Starting chats with the wrong inputs.
  {
    name: 'Yandex: start a chat with both an order and a return',
    marketplace: 'yandex',
    kind: 'validation',
    says: ['orderId', 'returnId'],
    run: () => clients.yandex.startChat({ orderId: '1', returnId: '2' }),
  },
  {
    name: 'Ozon: start a chat for a return',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'returnId',
    limit: 'postingNumber only',
    says: ['postingNumber'],
    run: () => clients.ozon.startChat({ returnId: '1' }),
  },
  {
    name: 'Ozon: start a chat with no posting number',
    marketplace: 'ozon',
    kind: 'validation',
    field: 'postingNumber',
    limit: 'a non-empty string',
    run: () => clients.ozon.startChat({}),
  },
  {
    name: 'Metro: start a chat without an order',
    marketplace: 'metro',
    kind: 'validation',
    field: 'orderId',
    run: () => clients.metro.startChat({ subject: 'hello' }),
  },
];

describe('bad input to the core clients', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = c.marketplace ? sent[c.marketplace]() : 0;
    const error: unknown = await (async () => c.run())().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SellerChatError);
    const e = error as SellerChatError & { field?: string; limit?: string };
    expect(e.kind).toBe(c.kind);
    if (c.marketplace) {
      expect(e.marketplace).toBe(c.marketplace);
      expect(e.message).toContain(MARKETPLACE_NAMES[c.marketplace]);
      expect(sent[c.marketplace]() - before).toBe(0);
    }
    if (c.field !== undefined) expect(e.field).toBe(c.field);
    if (c.limit !== undefined) expect(e.limit).toBe(c.limit);
    const named = c.says?.length ? c.says : [c.field ?? ''];
    for (const words of named) expect(e.message).toContain(words);
    // A field the message does not spell out must at least be its stem (attachments[0].name).
    if (c.field !== undefined) expect(e.message).toContain(c.field.replace(/\.name$/, ''));
  });

  it('the catalog holds at least 45 client cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
  });
});

interface PushCase {
  name: string;
  marketplace: 'yandex' | 'ozon';
  request: PushRequest;
  /** The marketplace's error type in the 400 reply, and what its message must name. */
  type: string;
  says: string[];
}

const json = (value: unknown): PushRequest => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

const PUSH_CASES: PushCase[] = [
  {
    name: 'Yandex: a body that is not JSON',
    marketplace: 'yandex',
    request: { headers: { 'content-type': 'application/json' }, body: '{"notificationType":' },
    type: 'WRONG_EVENT_FORMAT',
    says: ['Yandex Market'],
  },
  {
    name: 'Yandex: an empty body',
    marketplace: 'yandex',
    request: { headers: {}, body: '' },
    type: 'WRONG_EVENT_FORMAT',
    says: ['Yandex Market'],
  },
  {
    name: 'Yandex: a form-encoded body (wrong content type)',
    marketplace: 'yandex',
    request: {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'notificationType=CHAT_CREATED&chatId=1',
    },
    type: 'WRONG_EVENT_FORMAT',
    says: ['Yandex Market'],
  },
  {
    name: 'Yandex: a JSON array',
    marketplace: 'yandex',
    request: json([{ notificationType: 'PING' }]),
    type: 'WRONG_EVENT_FORMAT',
    says: ['Yandex Market'],
  },
  {
    name: 'Yandex: a new message without its chat id',
    marketplace: 'yandex',
    request: json({
      notificationType: 'CHAT_MESSAGE_SENT',
      businessId: 1,
      messageId: '5',
      sentAt: '2026-03-02T09:00:00Z',
      author: 'CUSTOMER',
    }),
    type: 'WRONG_EVENT_FORMAT',
    says: ['Yandex Market', 'chatId'],
  },
  {
    name: 'Yandex: a chat id with path characters',
    marketplace: 'yandex',
    request: json({
      notificationType: 'CHAT_CREATED',
      businessId: 1,
      chatId: '1/../2',
      createdAt: '2026-03-02T09:00:00Z',
    }),
    type: 'WRONG_EVENT_FORMAT',
    says: ['Yandex Market', 'chatId'],
  },
  {
    name: 'Yandex: an oversize body of 2 MB of garbage',
    marketplace: 'yandex',
    request: { headers: { 'content-type': 'application/json' }, body: `[${'1,'.repeat(MIB)}` },
    type: 'WRONG_EVENT_FORMAT',
    says: ['Yandex Market'],
  },
  {
    name: 'Ozon: a body that is not JSON',
    marketplace: 'ozon',
    request: { headers: { 'content-type': 'text/plain' }, body: 'hello' },
    type: 'ERROR_PARAMETER_VALUE_MISSED',
    says: ['Ozon'],
  },
  {
    name: 'Ozon: no message type',
    marketplace: 'ozon',
    request: json({ chat_id: 'abc' }),
    type: 'ERROR_PARAMETER_VALUE_MISSED',
    says: ['Ozon', 'message_type'],
  },
  {
    name: 'Ozon: a new message without its chat id',
    marketplace: 'ozon',
    request: json({
      message_type: 'TYPE_NEW_MESSAGE',
      chat_type: 'Buyer_Seller',
      message_id: '1',
      created_at: '2026-03-02T09:00:00Z',
      user: { id: '1', type: 'Customer' },
      data: ['hi'],
      seller_id: '1',
    }),
    type: 'ERROR_PARAMETER_VALUE_MISSED',
    says: ['Ozon', 'chat_id'],
  },
  {
    name: 'Ozon: an oversize body of 2 MB of garbage',
    marketplace: 'ozon',
    request: { headers: { 'content-type': 'application/json' }, body: `{"a":"${'x'.repeat(2 * MIB)}` },
    type: 'ERROR_PARAMETER_VALUE_MISSED',
    says: ['Ozon'],
  },
];

describe('bad push bodies', () => {
  it.each(PUSH_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const handle = c.marketplace === 'yandex' ? handleYandexPush : handleOzonPush;
    const before = sent[c.marketplace]();
    const state = undefined;
    const result = await handle(clients[c.marketplace], state, c.request, { clock: { now: () => ws.now() } });
    expect(result.response.status).toBe(400);
    expect(result.events).toEqual([]);
    expect(result.state).toBe(state);
    const reply = JSON.parse(result.response.body) as Record<string, unknown>;
    const text = JSON.stringify(reply);
    expect(text).toContain(c.type);
    for (const words of c.says) expect(text).toContain(words);
    expect(sent[c.marketplace]() - before).toBe(0);
  });
});

describe('wrong credentials', () => {
  // The marketplace is the only judge of a well-formed key: one request, no retry, a clear refusal.
  const WRONG: Record<MarketplaceId, Record<string, string>> = {
    metro: { clientKey: 'sandbox-metro-client-key', clientSecret: 'not-the-secret' },
    yandex: { apiKey: 'ACMA:d3Jvbmc:00000000', businessId: '1' },
    ozon: { clientId: '1', apiKey: 'not-the-key' },
    storeden: { key: 'storeden-sandbox-key', exchange: 'not-the-exchange' },
  };
  it.each(['metro', 'yandex', 'ozon', 'storeden'] as const)('%s: refused once with kind auth', async (m) => {
    const counter = countingTransport(createAxiosTransport());
    const client = createClient({
      marketplace: m,
      credentials: WRONG[m],
      baseUrl: `${ws.sb.url}/${m}`,
      transport: counter.transport,
      runtime: nodeRuntime,
    } as never) as MarketplaceClient;
    const error = (await client.listChats().catch((e: unknown) => e)) as SellerChatError;
    expect(error).toBeInstanceOf(SellerChatError);
    // Ozon answers an unknown key with 404 "Invalid Api-Key", which the client maps to auth too.
    expect(error.kind).toBe('auth');
    expect(error.marketplace).toBe(m);
    expect(error.message).toContain(MARKETPLACE_NAMES[m]);
    expect(counter.requests).toHaveLength(1);
  });
});
