import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAxiosTransport, nodeRuntime } from '../../axios/index.js';
import {
  AuthError,
  MarketplaceError,
  NotSupportedError,
  PermissionError,
  RateLimitError,
  type SellerChatError,
  ValidationError,
} from '../../errors/errors.js';
import { storedenCapabilities } from './capabilities.js';
import { createStoredenClient } from './client.js';
import { type StoredenSandbox, startStoredenSandbox } from './client.testing.js';

let env: StoredenSandbox;
let chatId: string;

beforeAll(async () => {
  env = await startStoredenSandbox(5);
  chatId = env.sb.control.buyerOpenChat('storeden', { text: 'Hi', name: 'Guard Buyer' }).chatId;
});
afterAll(async () => {
  await env.sb.close();
});
beforeEach(async () => {
  env.sent.length = 0;
  await env.control('/faults', { method: 'DELETE' });
});

async function failure(run: () => Promise<unknown>): Promise<SellerChatError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return error as SellerChatError;
}

describe('Storeden refuses bad input before any request', () => {
  it.each([
    ['an empty text', () => env.client().sendText(chatId, ''), 'text', /at least 1 character/],
    ['a chat id that is not a user id', () => env.client().listMessages('abc'), 'chatId', /numeric user id/],
    [
      'a chat id carrying another parameter',
      () => env.client().sendText(`${chatId}&with_id=1`, 'x'),
      'chatId',
      /numeric/,
    ],
    ['a chat id with a path', () => env.client().listMessages('1/../../orders'), 'chatId', /numeric/],
    ['an empty chat id', () => env.client().getChat(''), 'chatId', /empty/],
    [
      'a message id that is not 24 hex',
      () => env.client().listMessages(chatId, { afterMessageId: 'zz' }),
      'afterMessageId',
      /24/,
    ],
    ['an order filter', () => env.client().listChats({ orderId: '1' }), 'orderId', /not tied to orders/],
    ['a status filter', () => env.client().listChats({ statuses: ['new'] }), 'statuses', /no status/],
    ['a chat-list cursor', () => env.client().listChats({ cursor: '2' }), 'cursor', /one page/],
    [
      'a bad time',
      () => env.client().listChats({ lastMessageFrom: 'soon' }),
      'lastMessageFrom',
      /not a date/,
    ],
  ])('%s', async (_name, run, field, message) => {
    const error = (await failure(run)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe(field);
    expect(error.marketplace).toBe('storeden');
    expect(error.message).toMatch(/^Storeden/);
    expect(error.message).toMatch(message);
    expect(env.sent).toHaveLength(0);
  });

  it.each([
    ['sendFile', () => env.client().sendFile(chatId, { name: 'a.pdf', data: new Uint8Array(1) })],
    ['markRead', () => env.client().markRead(chatId)],
    ['startChat', () => env.client().startChat({ orderId: '1' })],
    [
      'sendText with files',
      () => env.client().sendText(chatId, 'x', { attachments: [{ name: 'a.pdf', data: new Uint8Array(1) }] }),
    ],
  ])('%s is NotSupported, as the descriptor says', async (_name, run) => {
    const error = await failure(run);
    expect(error).toBeInstanceOf(NotSupportedError);
    expect(error.marketplace).toBe('storeden');
    expect(env.sent).toHaveLength(0);
    expect(storedenCapabilities).toMatchObject({
      sendFile: 'none',
      markRead: 'none',
      startChat: 'none',
      attachments: null,
    });
  });

  it('refuses missing credentials when the client is made', () => {
    const options = { transport: createAxiosTransport(), runtime: nodeRuntime };
    expect(() => createStoredenClient({ ...options, credentials: { key: 'k', exchange: ' ' } })).toThrow(
      expect.objectContaining({ field: 'credentials.exchange', marketplace: 'storeden' }),
    );
  });
});

describe('Storeden errors are typed', () => {
  it('a READ key pair reads but its send is a PermissionError', async () => {
    const client = env.client({ credentials: env.readOnly });
    expect((await client.listMessages(chatId)).items.length).toBeGreaterThan(0);
    const error = await failure(() => client.sendText(chatId, 'hello'));
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/READ & WRITE/);
    expect(JSON.stringify(error.toJSON())).not.toContain(env.readOnly.exchange);
  });

  it('wrong keys are an AuthError that does not repeat them', async () => {
    const error = await failure(() =>
      env.client({ credentials: { key: 'nope-key', exchange: 'nope-exchange' } }).listChats(),
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).not.toContain('nope-exchange');
  });

  it('509 Limit Exceeded is a RateLimitError, retried for reads and for a send (the refusal stored nothing)', async () => {
    await env.control('/faults', { body: { marketplace: 'storeden', kind: 'rate-limit', status: 509 } });
    expect(await failure(() => env.client().listChats())).toBeInstanceOf(RateLimitError);
    expect(env.sent).toHaveLength(3);
    env.sent.length = 0;
    const before = env.sb.control.sellerMessages('storeden').length;
    expect(await failure(() => env.client().sendText(chatId, 'x'))).toBeInstanceOf(RateLimitError);
    expect(env.sent).toHaveLength(3);
    expect(env.sb.control.sellerMessages('storeden')).toHaveLength(before);
  });

  it('a send refused once with 509 is sent again and stored exactly once', async () => {
    await env.control('/faults', {
      body: { marketplace: 'storeden', kind: 'rate-limit', status: 509, method: 'POST', times: 1 },
    });
    const before = env.sb.control.sellerMessages('storeden').length;
    await env.client().sendText(chatId, 'after a 509');
    expect(env.sent.filter((r) => r.method === 'POST')).toHaveLength(2);
    const added = env.sb.control.sellerMessages('storeden').slice(before);
    expect(added.map((m) => m.text)).toEqual(['after a 509']);
  });

  it('a gateway\u2019s HTML 502 on a send leaves its fate open: the chat is checked, then it is sent once', async () => {
    await env.control('/faults', {
      body: { marketplace: 'storeden', method: 'POST', path: '/messages/chat.json', kind: 'html', times: 1 },
    });
    const result = await env.client().sendText(chatId, 'after a gateway error');
    expect(result.messageId).toMatch(/^[0-9a-f]{24}$/);
    expect(env.sent.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
    const sent = (await env.control('/storeden/seller-messages')) as Array<{ text: string }>;
    expect(sent.filter((m) => m.text === 'after a gateway error')).toHaveLength(1);
  });
});

describe('Storeden next_page is followed only on the configured base', () => {
  let fake: Server;
  let foreign: Server;
  let foreignHits = 0;
  let fakeBase = '';
  let nextPage = '';

  function listen(server: Server): Promise<string> {
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      ),
    );
  }

  beforeAll(async () => {
    foreign = createServer((_req, res) => {
      foreignHits++;
      res.end('{"messages":[]}');
    });
    const foreignOrigin = await listen(foreign);
    // A Storeden look-alike whose first page points somewhere else.
    fake = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      // A send answered 200 without the documented message_id.
      if (req.method === 'POST') {
        res.end('{}');
        return;
      }
      res.end(
        JSON.stringify({
          messages: [
            {
              from_id: 1,
              from_myself: false,
              message: 'hi',
              send_date: '2024-05-01T10:00:00+0200',
              message_id: '0123456789abcdef01234567',
              read_by: { myself_id: '', with_id: '' },
            },
          ],
          next_page: nextPage.replace('{foreign}', foreignOrigin).replace('{self}', fakeBase),
        }),
      );
    });
    fakeBase = `${await listen(fake)}/v1.1`;
  });
  afterAll(async () => {
    await new Promise((resolve) => fake.close(resolve));
    await new Promise((resolve) => foreign.close(resolve));
  });

  const client = () =>
    createStoredenClient({
      credentials: { key: 'k', exchange: 'x' },
      baseUrl: fakeBase,
      transport: createAxiosTransport(),
      runtime: nodeRuntime,
    });

  it.each([
    ['another host', '{foreign}/v1.1/messages/chat.json?with_id=7&page=2'],
    ['another path on the same host', '{self}/../admin/messages/chat.json?with_id=7&page=2'],
    ['another conversation', '{self}/messages/chat.json?with_id=8&page=2'],
  ])('refuses %s with a MarketplaceError and sends nothing there', async (_name, url) => {
    nextPage = url;
    foreignHits = 0;
    const error = await failure(() => client().listMessages('7'));
    expect(error).toBeInstanceOf(MarketplaceError);
    expect(error.message).toMatch(/next_page .* it was not followed/);
    const incremental = await failure(() =>
      client().listMessages('7', { afterMessageId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }),
    );
    expect(incremental).toBeInstanceOf(MarketplaceError);
    expect(foreignHits).toBe(0);
  });

  it('a send answered without message_id is a MarketplaceError that says it may have been sent', async () => {
    const error = await failure(() => client().sendText('7', 'hello'));
    expect(error).toBeInstanceOf(MarketplaceError);
    expect(error.message).toMatch(/no message_id; the message may have been sent/);
  });

  it('refuses a foreign cursor handed back by the caller, before any request', async () => {
    foreignHits = 0;
    const error = await failure(() =>
      env.client().listMessages(chatId, {
        cursor: `http://127.0.0.1:1/storeden/messages/chat.json?with_id=${chatId}&page=2`,
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('cursor');
    expect(env.sent).toHaveLength(0);
  });
});
