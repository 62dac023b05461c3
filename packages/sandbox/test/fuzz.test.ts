import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../src/clock/seeded-random.js';
import type { RunningSandbox } from '../src/server/launch-sandbox.js';
import { startSandbox } from '../src/start-sandbox.js';
import { jsonRequest, type RawOutcome, rawRequest } from './helpers/raw-http.js';

const REQUESTS = 1_000;
const PARALLEL = 8;
const random = createSeededRandom(20_250_601);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const BASES = ['/metro', '/yandex', '/ozon', '/storeden', '/_sandbox', '/amazon', '', '/metro/', '/%2e%2e'];
/** Real paths per marketplace, so most requests get past routing into the handlers. */
const PATHS: Record<string, readonly string[]> = {
  metro: [
    '/openapi/v1/chats?limit=5&offset=-1',
    '/openapi/v1/chats?filters[isSeen]=2&filters[lastMessage][from]=yesterday',
    '/openapi/v1/chats/unseen',
    '/openapi/v1/chats/x/messages',
    '/openapi/v1/orders/1/chats',
    '/openapi/v1/orders/1/upload-file',
    '/openapi/v1/chat-categories',
  ],
  yandex: [
    '/v2/businesses/11223344/chats?limit=0',
    '/v2/businesses/11223344/chats?page_token=%%%',
    '/v2/businesses/11223344/chats/new',
    '/v2/businesses/11223344/chats/message?chatId=1',
    '/v2/businesses/11223344/chats/history?chatId=-5&limit=1000',
    '/v2/businesses/11223344/chats/file/send?chatId=1',
    '/v2/businesses/abc/chat?chatId=',
  ],
  ozon: [
    '/v3/chat/list',
    '/v3/chat/history',
    '/v1/chat/send/message',
    '/v1/chat/send/file',
    '/v2/chat/read',
    '/v1/chat/start',
  ],
  storeden: [
    '/messages/chat_list.json',
    '/messages/chat.json?with_id=48617&page=99999999999',
    '/messages/chat.json?with_id=%00',
    '/messages/chat.json',
  ],
  _sandbox: [
    '/ozon/threads/%E0%A4%A',
    '/storeden/buyer/messages',
    '/faults',
    '/files/f1',
    '/metro/settings',
    '/clock',
  ],
};
const MARKETPLACES = ['metro', 'yandex', 'ozon', 'storeden', '_sandbox'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'text/plain',
  'application/xml',
  'image/png',
];
const CREDENTIALS: Record<string, Record<string, string>> = {
  yandex: { 'api-key': 'ACMA:c2FuZGJveC1jb21tdW5pY2F0aW9u:5a1f0c2e' },
  ozon: { 'client-id': '1843105', 'api-key': '7c1e2b4a-93d5-4f0e-b6a8-2d5f91c3e470' },
  storeden: { key: 'storeden-sandbox-key', exchange: 'storeden-sandbox-exchange' },
};
const WRONG_HEADERS: Array<Record<string, string>> = [
  {},
  { authorization: 'Bearer nope' },
  { 'client-id': '1843105' },
  { key: 'storeden-sandbox-key', exchange: 'x' },
  { 'x-client-id': 'sandbox-metro-client-key', 'x-timestamp': 'yesterday', 'x-signature': '!!' },
];

/** Metro's HMAC over METHOD \n FULL_URI \n BODY \n TIMESTAMP, so signed requests reach the handlers. */
function metroHeaders(
  method: string,
  url: string,
  body: string | Buffer | undefined,
): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const hmac = createHmac('sha256', 'sandbox-metro-client-secret').update(`${method}\n${url}\n`);
  if (body !== undefined) hmac.update(body);
  return {
    'x-client-id': 'sandbox-metro-client-key',
    'x-timestamp': timestamp,
    'x-signature': hmac.update(`\n${timestamp}`).digest('base64'),
  };
}

function randomText(length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += String.fromCodePoint(Math.floor(random() * 0x2fff));
  return text;
}

function randomBody(): string | Buffer | undefined {
  switch (Math.floor(random() * 10)) {
    case 0:
      return undefined;
    case 1:
      return '{"limit": 10, "chat_id": ';
    case 2:
      return JSON.stringify({
        limit: pick([-1, 0, 1e9, 'ten', null, 1.5]),
        cursor: {},
        chat_id: [1],
        text: 5,
      });
    case 3:
      return `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    case 4:
      return 'x'.repeat(Math.floor(random() * 2_000_000));
    case 5:
      return `with_id=${pick(['abc', '-1', '48617', ''])}&message=${encodeURIComponent(randomText(50))}`;
    case 6:
      return Buffer.from(Array.from({ length: 512 }, () => Math.floor(random() * 256)));
    case 7:
      return '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nPNG\r\n--xy';
    case 8:
      return JSON.stringify({ message: randomText(5_000), text: randomText(2_000), content: '' });
    default:
      return JSON.stringify(randomText(20));
  }
}

function randomSegments(): string {
  const segments = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
    encodeURIComponent(randomText(1 + Math.floor(random() * 12))),
  );
  return `/${segments.join('/')}${random() < 0.3 ? `?q=${encodeURIComponent(randomText(30))}` : ''}`;
}

interface Planned {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

function plan(origin: string): Planned {
  const aimed = random() < 0.75;
  const marketplace = pick(MARKETPLACES);
  const path = aimed
    ? `/${marketplace}${pick(PATHS[marketplace] ?? [])}`
    : `${pick(BASES)}${random() < 0.5 ? randomSegments() : pick(PATHS[pick(MARKETPLACES)] ?? [])}`;
  const method = aimed && random() < 0.7 ? pick(['GET', 'POST']) : pick(METHODS);
  const body = method === 'GET' || method === 'HEAD' ? undefined : randomBody();
  let headers: Record<string, string> = pick(WRONG_HEADERS);
  if (aimed && random() < 0.8) {
    headers =
      marketplace === 'metro'
        ? metroHeaders(method, `${origin}${path}`, body)
        : (CREDENTIALS[marketplace] ?? {});
  }
  headers = { ...headers };
  if (random() < 0.8) headers['content-type'] = pick(CONTENT_TYPES);
  if (random() < 0.05) headers['x-huge'] = 'h'.repeat(Math.floor(random() * 20_000));
  return { method, path, headers, body };
}

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ chats: 20 });
});
afterAll(() => sandbox.close());

describe('1,000 random requests', () => {
  it('all get an HTTP answer, and the sandbox still answers afterwards', async () => {
    const outcomes: Array<{ method: string; path: string; outcome: RawOutcome }> = [];
    const planned = Array.from({ length: REQUESTS }, () => plan(sandbox.url));
    let next = 0;
    const worker = async () => {
      while (next < planned.length) {
        const item = planned[next++];
        if (!item) break;
        const outcome = await rawRequest(`${sandbox.url}${item.path}`, {
          method: item.method,
          headers: item.headers,
          ...(item.body !== undefined ? { body: item.body } : {}),
          timeoutMs: 15_000,
        });
        outcomes.push({ method: item.method, path: item.path, outcome });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    const unanswered = outcomes.filter((entry) => !entry.outcome.ok);
    expect(
      unanswered.map(
        (entry) =>
          `${entry.method} ${entry.path}: ${entry.outcome.ok ? '' : (entry.outcome.error.code ?? entry.outcome.error.message)}`,
      ),
    ).toEqual([]);
    const statuses = outcomes.map((entry) => (entry.outcome.ok ? entry.outcome.reply.status : 0));
    expect(statuses.every((status) => status >= 200 && status <= 599)).toBe(true);
    // The mix reaches the handlers, not only the front door: successes and many kinds of refusal.
    const distinct = new Set(statuses);
    expect(distinct.has(200)).toBe(true);
    expect(distinct.size).toBeGreaterThanOrEqual(6);
    console.log(
      'status counts:',
      Object.fromEntries([...distinct].sort().map((s) => [s, statuses.filter((x) => x === s).length])),
    );
    const serverErrors = outcomes.filter((entry) => entry.outcome.ok && entry.outcome.reply.status === 500);
    // Visible in the test log: a 500 is an answer, but a module bug worth reading.
    if (serverErrors.length > 0) {
      console.log(
        '500 answers:',
        serverErrors.slice(0, 10).map((entry) => ({
          request: `${entry.method} ${entry.path.slice(0, 80)}`,
          body: entry.outcome.ok ? entry.outcome.reply.text.slice(0, 200) : '',
        })),
      );
    }
    const health = await jsonRequest(`${sandbox.url}/_sandbox/health`);
    expect([health.status, health.json]).toEqual([200, { ok: true }]);
    expect(sandbox.control.threads('storeden').length).toBeGreaterThan(0);
  }, 120_000);

  it('answers a body over the 12 MB cap with 413 in each marketplace’s error shape', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024 + 1, 0x61);
    for (const path of ['/ozon/v1/chat/send/message', '/storeden/messages/chat.json']) {
      const reply = await jsonRequest(`${sandbox.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      expect(reply.status).toBe(413);
      expect(reply.json).toBeTypeOf('object');
    }
  }, 60_000);
});
