// The bad-input catalog through the Node-RED nodes in a real runtime: each case reaches a Catch
// node with the typed error (kind, field, limit, marketplace), and the account points at a
// counting server, so "no request was sent" is counted on the wire. The push endpoint of
// sellerchat-in answers bad bodies over real loopback HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MARKETPLACE_NAMES, type MarketplaceId } from '@sellerchat/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountCredentials } from '../src/lib/account-settings.js';
import type { HttpApp, NodeMessage } from '../src/lib/red.js';
import { actionFlow, caughtError } from './support/action-flow.js';
import { type CountingServer, startCountingServer } from './support/counting-server.js';
import { allNodes, helper, nextMessage, onTab, statuses, until } from './support/node-red.js';
import { accountNode, openSandbox, type RunningSandbox, sandboxCredentials } from './support/sandbox.js';

let sb: RunningSandbox;
let counting: CountingServer;

beforeAll(async () => {
  sb = await openSandbox(4);
  counting = await startCountingServer();
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
});
afterAll(async () => {
  await helper.stopServer();
  await counting.close();
  await sb.close();
});

const MIB = 1024 * 1024;

interface Case {
  name: string;
  marketplace: MarketplaceId;
  /** The node under test: type and its configuration. */
  node: Record<string, unknown>;
  msg: Record<string, unknown>;
  credentials?: Partial<AccountCredentials>;
  kind: string;
  field?: string;
  limit?: string;
  /** How the message names the field, when it uses the label the user sees (default: `field`). */
  names?: string;
  /** Text the message must hold besides the marketplace's name and the field. */
  says?: string[];
}

const send = (chat = '') => ({ type: 'sellerchat-send', chat });
const upload = (chat = '1') => ({ type: 'sellerchat-upload', chat });
const start = (config: Record<string, string> = {}) => ({ type: 'sellerchat-start-chat', ...config });

const CASES: Case[] = [
  // sellerchat-send: texts.
  {
    name: 'send, metro: an empty text',
    marketplace: 'metro',
    node: send('c1'),
    msg: { payload: '' },
    kind: 'validation',
    field: 'msg.payload',
    limit: 'at least 1 character',
  },
  {
    name: 'send, storeden: a blank text',
    marketplace: 'storeden',
    node: send('1'),
    msg: { payload: ' \n\t ' },
    kind: 'validation',
    field: 'msg.payload',
    limit: 'at least 1 character',
  },
  {
    name: 'send, yandex: 4097 characters',
    marketplace: 'yandex',
    node: send('1'),
    msg: { payload: 'x'.repeat(4097) },
    kind: 'validation',
    field: 'msg.payload',
    limit: '4096 characters',
    says: ['the limit is 4096 characters'],
  },
  {
    name: 'send, ozon: 1001 characters',
    marketplace: 'ozon',
    node: send('chat-1'),
    msg: { payload: 'y'.repeat(1001) },
    kind: 'validation',
    field: 'msg.payload',
    limit: '1000 characters',
    says: ['the limit is 1000 characters'],
  },
  // sellerchat-send: attachments.
  {
    name: 'send, metro: 11 files, over 10',
    marketplace: 'metro',
    node: send('c1'),
    msg: {
      payload: 'files',
      attachments: Array.from({ length: 11 }, (_, i) => ({ data: Buffer.from('x'), name: `f${i}.pdf` })),
    },
    kind: 'validation',
    field: 'msg.attachments',
    limit: '10 files',
    says: ['11 files'],
  },
  {
    name: 'send, metro: a Buffer over 10 MB',
    marketplace: 'metro',
    node: send('c1'),
    msg: { payload: 'big', attachments: { data: Buffer.alloc(10 * MIB + 1), name: 'big.pdf' } },
    kind: 'validation',
    field: 'msg.attachments[0]',
    says: ['big.pdf', 'the limit is 10 MB'],
  },
  {
    name: 'send, metro: an .exe file',
    marketplace: 'metro',
    node: send('c1'),
    msg: { payload: 'tool', attachments: [{ data: Buffer.from('MZ'), name: 'setup.exe' }] },
    kind: 'validation',
    field: 'msg.attachments[0]',
    says: ['setup.exe', 'allowed types are'],
  },
  {
    name: 'send, ozon: an attachment that is a number',
    marketplace: 'ozon',
    node: send('chat-1'),
    msg: { payload: 'n', attachments: 42 },
    kind: 'validation',
    field: 'msg.attachments',
    limit: 'Buffer | path | object',
  },
  {
    name: 'send, metro: an attachment with neither data nor path',
    marketplace: 'metro',
    node: send('c1'),
    msg: { payload: 'n', attachments: [{ name: 'a.pdf' }] },
    kind: 'validation',
    field: 'msg.attachments[0]',
    limit: '{ data: Buffer | path: string, name?, mimeType? }',
  },
  {
    name: 'send, storeden: any attachment',
    marketplace: 'storeden',
    node: send('1'),
    msg: { payload: 'file', attachments: Buffer.from('x') },
    kind: 'not_supported',
    says: ['files'],
  },
  // sellerchat-send: chats and accounts.
  {
    name: 'send, yandex: a chat id with path characters',
    marketplace: 'yandex',
    node: send(),
    msg: { payload: 'hello', chatId: '1/../../admin' },
    kind: 'validation',
    field: 'chatId',
  },
  {
    name: 'send, ozon: a chat id with a line break',
    marketplace: 'ozon',
    node: send(),
    msg: { payload: 'hello', chatId: 'abc\r\nX-Injected: 1' },
    kind: 'validation',
    field: 'chatId',
    limit: 'no control characters',
  },
  {
    name: 'send, metro: a chat of ".."',
    marketplace: 'metro',
    node: send('..'),
    msg: { payload: 'hello' },
    kind: 'validation',
    field: 'chatId',
  },
  {
    name: 'send, storeden: a chat id that is not a user id',
    marketplace: 'storeden',
    node: send(),
    msg: { payload: 'hello', chatId: '7/../orders' },
    kind: 'validation',
    field: 'chatId',
    limit: 'digits (a with_id)',
  },
  {
    name: 'send, ozon: no chat anywhere',
    marketplace: 'ozon',
    node: send(),
    msg: { payload: 'hello' },
    kind: 'validation',
    field: 'chat',
    limit: 'a chat id',
  },
  {
    name: 'send, yandex: a reply context from another marketplace',
    marketplace: 'yandex',
    node: send(),
    msg: { payload: 'hello', sellerchat: { reply: { marketplace: 'ozon', chatId: 'x' } } },
    kind: 'validation',
    field: 'msg.sellerchat.reply.marketplace',
    names: 'msg.sellerchat.reply',
    limit: 'yandex',
  },
  {
    name: 'send, storeden: an account without its exchange',
    marketplace: 'storeden',
    node: send('1'),
    msg: { payload: 'hello' },
    credentials: { storedenKey: 'k' },
    kind: 'validation',
    field: 'credentials.storedenExchange',
    names: 'Exchange',
  },
  {
    name: 'send, metro: an account without its client secret',
    marketplace: 'metro',
    node: send('c1'),
    msg: { payload: 'hello' },
    credentials: { metroClientKey: 'k' },
    kind: 'validation',
    field: 'credentials.metroClientSecret',
    names: 'Client Secret',
  },
  // sellerchat-upload.
  {
    name: 'upload, storeden: not supported',
    marketplace: 'storeden',
    node: upload(),
    msg: { payload: Buffer.from('x'), filename: 'a.png' },
    kind: 'not_supported',
  },
  {
    name: 'upload, metro: an .exe file',
    marketplace: 'metro',
    node: upload('c1'),
    msg: { payload: Buffer.from('MZ'), filename: 'setup.exe' },
    kind: 'validation',
    field: 'msg.payload[0]',
    says: ['setup.exe'],
  },
  {
    name: 'upload, yandex: a Buffer over 5 MB',
    marketplace: 'yandex',
    node: upload('1'),
    msg: { payload: Buffer.alloc(5 * MIB + 1), filename: 'scan.png' },
    kind: 'validation',
    field: 'msg.payload[0]',
    says: ['scan.png', 'the limit is 5 MB'],
  },
  {
    name: 'upload, yandex: a path that does not exist',
    marketplace: 'yandex',
    node: upload('1'),
    msg: { payload: '/no/such/file.pdf' },
    kind: 'validation',
    field: 'msg.payload',
    limit: 'a readable file',
    says: ['ENOENT'],
  },
  {
    name: 'upload, ozon: a payload that is a number',
    marketplace: 'ozon',
    node: upload('chat-1'),
    msg: { payload: 7 },
    kind: 'validation',
    field: 'msg.payload',
    limit: 'Buffer | path | object',
  },
  {
    name: 'upload, yandex: a chat id with path characters',
    marketplace: 'yandex',
    node: upload('../1'),
    msg: { payload: Buffer.from('x'), filename: 'a.png' },
    kind: 'validation',
    field: 'chatId',
  },
  // sellerchat-start-chat.
  {
    name: 'start, storeden: not supported',
    marketplace: 'storeden',
    node: start({ orderId: '1' }),
    msg: {},
    kind: 'not_supported',
    says: ['startChat'],
  },
  {
    name: 'start, ozon: no posting number',
    marketplace: 'ozon',
    node: start(),
    msg: {},
    kind: 'validation',
    field: 'postingNumber',
    names: 'posting number',
  },
  {
    name: 'start, metro: no order id',
    marketplace: 'metro',
    node: start({ categoryId: '5' }),
    msg: {},
    kind: 'validation',
    field: 'orderId',
    names: 'order id',
  },
  {
    name: 'start, yandex: neither an order nor a return',
    marketplace: 'yandex',
    node: start(),
    msg: { payload: {} },
    kind: 'validation',
    field: 'orderId',
    names: 'an order id or a return id',
  },
  {
    name: 'start, yandex: an order id with path characters',
    marketplace: 'yandex',
    node: start(),
    msg: { payload: { orderId: '12/../34' } },
    kind: 'validation',
    field: 'orderId',
  },
];

async function load(c: Case): Promise<void> {
  const flow = actionFlow(sb, c.marketplace, c.node, { baseUrl: counting.url });
  const credentials = c.credentials ?? sandboxCredentials(sb, c.marketplace);
  await helper.load(await allNodes(), flow, { [`acc-${c.marketplace}`]: credentials });
}

describe('bad input through the Node-RED nodes', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await load(c);
    const before = counting.requests;
    const seen = statuses('node');
    const caught = nextMessage('caught');
    helper.getNode('node').receive(c.msg as NodeMessage);
    const msg = await caught;
    const error = caughtError(msg);
    expect(error.kind).toBe(c.kind);
    expect(error.marketplace).toBe(c.marketplace);
    const name = MARKETPLACE_NAMES[c.marketplace];
    expect(error.message).toContain(name);
    if (c.field !== undefined) {
      expect(error.field).toBe(c.field);
      expect(error.message).toContain(c.names ?? c.field);
    }
    if (c.limit !== undefined) expect(error.limit).toBe(c.limit);
    for (const words of c.says ?? []) expect(error.message).toContain(words);
    // Node-RED's own error on the msg carries the same words, for a Debug node after Catch.
    expect((msg.error as { message: string }).message).toContain(name);
    expect(counting.requests - before).toBe(0);
    await until(() => seen.at(-1)?.fill === 'red', 'a red status');
    expect(seen.at(-1)?.text).toContain(c.kind);
  });

  it('the catalog covers at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });
});

describe('bad push bodies through sellerchat-in', () => {
  let httpNode: HttpApp & ((req: unknown, res: unknown) => void);
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((req, res) => httpNode(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function loadPush(marketplace: 'yandex' | 'ozon'): Promise<void> {
    const account = accountNode(sb, marketplace);
    const flow = onTab([
      account,
      {
        id: 'in',
        type: 'sellerchat-in',
        account: account.id,
        events: 'both',
        interval: 3600,
        firstRun: 'now',
        push: true,
        pushPath: `/bad/${marketplace}`,
        wires: [['out']],
      },
      { id: 'out', type: 'helper' },
    ]);
    const capture = (red: { httpNode: typeof httpNode }) => {
      httpNode = red.httpNode;
    };
    await helper.load([...(await allNodes()), capture], flow, {
      [account.id]: sandboxCredentials(sb, marketplace),
    });
    const seen = statuses('in');
    await until(() => seen.some((s) => s.text === 'polling'), 'the first poll');
    await until(() => seen.at(-1)?.text?.startsWith('idle, push on') === true, 'idle after the first poll');
  }

  async function post(path: string, body: string, contentType = 'application/json') {
    const res = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  const PUSH_CASES = [
    {
      name: 'yandex: not JSON',
      m: 'yandex',
      body: '{"notificationType":',
      status: 400,
      says: 'WRONG_EVENT_FORMAT',
    },
    {
      name: 'yandex: form-encoded (wrong content type)',
      m: 'yandex',
      body: 'notificationType=PING',
      type: 'application/x-www-form-urlencoded',
      status: 400,
      says: 'WRONG_EVENT_FORMAT',
    },
    {
      name: 'yandex: a body over 1 MB',
      m: 'yandex',
      body: `{"x":"${'a'.repeat(MIB + 10)}"}`,
      status: 413,
      says: '1 MB',
    },
    { name: 'ozon: an empty body', m: 'ozon', body: '', status: 400, says: 'ERROR_PARAMETER_VALUE_MISSED' },
    {
      name: 'ozon: text/plain garbage',
      m: 'ozon',
      body: 'hello',
      type: 'text/plain',
      status: 400,
      says: 'ERROR_PARAMETER_VALUE_MISSED',
    },
    {
      name: 'ozon: a new message without its chat id',
      m: 'ozon',
      body: JSON.stringify({ message_type: 'TYPE_NEW_MESSAGE', message_id: '1', user: { type: 'Customer' } }),
      status: 400,
      says: 'chat_id',
    },
  ] as const;

  it.each(PUSH_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await loadPush(c.m);
    const out: NodeMessage[] = [];
    helper.getNode('out').on('input', (m: never) => out.push(m));
    const res = await post(`/bad/${c.m}`, c.body, 'type' in c ? c.type : undefined);
    expect(res.status).toBe(c.status);
    expect(res.text).toContain(c.says);
    expect(out).toHaveLength(0);
  });
});
