import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosTransport } from '../axios/transport.js';
import {
  AuthError,
  ConflictError,
  MarketplaceError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type SellerChatError,
  TimeoutError,
  ValidationError,
} from '../errors/errors.js';
import { createFakeRuntime, type FakeRuntime } from './fake-runtime.js';
import type { HttpClientOptions } from './options.js';
import { path } from './path.js';
import { createHttpClient } from './pipeline.js';
import type { RequestSpec } from './request.js';
import { sendJson, startTestServer, type TestHandler, type TestServer } from './test-server.js';
import type { TransportRequest } from './transport.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: TestHandler, overrides: Partial<HttpClientOptions> = {}) {
  server = await startTestServer(handler);
  const runtime: FakeRuntime = createFakeRuntime({ mode: 'auto', random: () => 0.5 });
  let signatures = 0;
  const client = createHttpClient({
    marketplace: 'yandex',
    baseUrl: `${server.origin}/yandex/`,
    transport: createAxiosTransport(),
    runtime,
    authenticate: (request) => ({
      ...request,
      headers: { ...request.headers, 'Api-Key': 'ACMA:test-key', 'X-Signature': `sig-${++signatures}` },
    }),
    secrets: ['ACMA:test-key'],
    ...overrides,
  });
  return { client, runtime, server };
}

async function rejection(promise: Promise<unknown>): Promise<SellerChatError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: SellerChatError) => error,
  );
}

const get = (operation = 'listChats', extra: Partial<RequestSpec> = {}): RequestSpec => ({
  operation,
  method: 'GET',
  path: '/v2/chats',
  ...extra,
});

describe('createHttpClient: URL', () => {
  it('joins base URL, path and query in the given order, repeating array keys and keeping brackets', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, '{}'));
    await client.request({
      operation: 'listChats',
      method: 'GET',
      path: path`/openapi/v1/chats/${'a b/c'}`,
      query: [
        ['filters[statuses][]', ['NEW', 'OPEN']],
        ['filters[lastMessage][from]', '2025-09-02T19:41:12+00:00'],
        ['skip', undefined],
        ['isSeen', 0],
        ['unread', true],
        ['q', 'a&b=c#d'],
      ],
    });
    expect(server!.received[0]?.url).toBe(
      '/yandex/openapi/v1/chats/a%20b%2Fc?filters[statuses][]=NEW&filters[statuses][]=OPEN' +
        '&filters[lastMessage][from]=2025-09-02T19%3A41%3A12%2B00%3A00&isSeen=0&unread=true&q=a%26b%3Dc%23d',
    );
    expect(client.baseUrl).toBe(`${server!.origin}/yandex`);
  });

  it('accepts a record query and an absoluteUrl below the base URL', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, '{}'));
    await client.request({ ...get(), query: { page: 2, limit: 20 } });
    await client.request({
      ...get(),
      absoluteUrl: `${server!.origin}/yandex/messages/chat.json?with_id=7&page=3`,
    });
    expect(server!.received.map((r) => r.url)).toEqual([
      '/yandex/v2/chats?page=2&limit=20',
      '/yandex/messages/chat.json?with_id=7&page=3',
    ]);
  });

  it.each([
    ['another host', 'http://example.invalid/yandex/x'],
    ['another port', 'http://127.0.0.1:1/yandex/x'],
    ['another base path', 'ORIGIN/metro/x'],
    ['a sibling prefix', 'ORIGIN/yandexfoo/x'],
    ['a dot-dot escape', 'ORIGIN/yandex/../admin'],
    ['user info', 'http://user:pw@127.0.0.1/yandex/x'],
    ['not a URL', 'next page please'],
  ])('refuses an absoluteUrl on %s without sending anything', async (_name, target) => {
    const { client } = await setup((_req, res) => sendJson(res, 200, '{}'));
    const error = await rejection(
      client.request({ ...get(), absoluteUrl: target.replace('ORIGIN', server!.origin) }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('absoluteUrl');
    expect(error.message).toMatch(/^Yandex Market listChats: /);
    expect(server!.received).toHaveLength(0);
  });

  it('refuses a path that does not start with "/" or climbs out of the base path', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, '{}'));
    await expect(client.request({ ...get(), path: 'v2/chats' })).rejects.toThrow(ValidationError);
    await expect(client.request({ ...get(), path: '/../admin' })).rejects.toThrow(/leaves/);
    expect(server!.received).toHaveLength(0);
  });

  it('refuses a bad base URL at once', () => {
    const runtime = createFakeRuntime();
    const options = {
      marketplace: 'ozon' as const,
      transport: createAxiosTransport(),
      runtime,
      authenticate: (r: TransportRequest) => r,
      secrets: [],
    };
    expect(() => createHttpClient({ ...options, baseUrl: 'api-seller.ozon.ru' })).toThrow(/baseUrl/);
    expect(() => createHttpClient({ ...options, baseUrl: 'ftp://x/' })).toThrow(/http\(s\)/);
  });
});

describe('createHttpClient: bodies and auth', () => {
  it('serialises JSON losslessly, form bodies url-encoded and passes multipart through', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, '{}'));
    await client.request({
      operation: 'history',
      method: 'POST',
      path: '/v3/chat/history',
      body: { json: { chat_id: 'c1', from_message_id: 18446744073709551615n, limit: 50 } },
    });
    await client.request({
      operation: 'sendText',
      method: 'POST',
      path: '/messages/chat.json',
      body: { form: { with_id: '7', message: 'Hallo & tschüss = 100%' } },
    });
    await client.request({
      operation: 'sendFile',
      method: 'POST',
      path: '/upload',
      body: {
        multipart: [
          {
            name: 'file',
            filename: 'a.txt',
            contentType: 'text/plain',
            data: new TextEncoder().encode('hi'),
          },
        ],
      },
    });
    const [json, form, multipart] = server!.received;
    expect(json?.headers['content-type']).toBe('application/json');
    expect(json?.body.toString()).toBe('{"chat_id":"c1","from_message_id":18446744073709551615,"limit":50}');
    expect(form?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(form?.body.toString()).get('message')).toBe('Hallo & tschüss = 100%');
    expect(multipart?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart?.body.toString()).toContain('filename="a.txt"');
  });

  it('authenticates every attempt afresh and sends the headers it set', async () => {
    const { client } = await setup((_req, res, i) => sendJson(res, i < 2 ? 500 : 200, '{}'));
    await client.request(get());
    expect(server!.received.map((r) => r.headers['x-signature'])).toEqual(['sig-1', 'sig-2', 'sig-3']);
    expect(server!.received.every((r) => r.headers['api-key'] === 'ACMA:test-key')).toBe(true);
    expect(server!.received[0]?.headers.accept).toBe('application/json');
  });

  it('hands authenticate the exact URL and body it must sign', async () => {
    const seen: string[] = [];
    const { client } = await setup((_req, res) => sendJson(res, 201, '{}'), {
      authenticate: (request) => {
        seen.push(
          `${request.method}\n${request.url}\n${request.body?.type === 'text' ? request.body.text : ''}`,
        );
        return request;
      },
    });
    await client.request({
      operation: 'startChat',
      method: 'POST',
      path: '/o/1/chats',
      query: { 'filters[x]': 'a b' },
      body: { json: { categoryId: '5' } },
    });
    expect(seen).toEqual([`POST\n${server!.origin}/yandex/o/1/chats?filters[x]=a%20b\n{"categoryId":"5"}`]);
    expect(server!.received[0]?.url).toBe('/yandex/o/1/chats?filters[x]=a%20b');
  });

  it('turns an authenticate failure into an AuthError without sending', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, '{}'), {
      authenticate: () => {
        throw new Error('no secret configured');
      },
    });
    const error = await rejection(client.request(get()));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe(
      'Yandex Market listChats: could not authenticate the request: no secret configured',
    );
    expect(server!.received).toHaveLength(0);
  });
});

describe('createHttpClient: responses', () => {
  it('parses bodies losslessly and returns status, headers, text and bytes', async () => {
    const body = '{"status":"OK","result":{"messageId":3000000000817031942,"n":5}}';
    const { client } = await setup((_req, res) => sendJson(res, 200, body, { 'x-trace': 't1' }));
    const result = await client.request(get());
    expect(result.data).toEqual({ status: 'OK', result: { messageId: '3000000000817031942', n: 5 } });
    expect(result.status).toBe(200);
    expect(result.headers['x-trace']).toBe('t1');
    expect(result.text).toBe(body);
    expect(new TextDecoder().decode(result.bytes)).toBe(body);
  });

  it('gives undefined data for an empty or non-JSON success body', async () => {
    const { client } = await setup((req, res) => {
      if (req.url.endsWith('/empty')) res.writeHead(204).end();
      else res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([1, 2, 3]));
    });
    expect((await client.request({ ...get(), path: '/empty' })).data).toBeUndefined();
    const file = await client.request({ ...get(), path: '/file' });
    expect(file.data).toBeUndefined();
    expect([...(file.bytes ?? [])]).toEqual([1, 2, 3]);
  });

  it('treats a truncated JSON success body as a MarketplaceError, retried for reads', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, '{"chats":[{"id":1'));
    const error = await rejection(client.request(get()));
    expect(error).toBeInstanceOf(MarketplaceError);
    expect(error.message).toBe('Yandex Market listChats: the response body is not valid JSON (HTTP 200)');
    expect(server!.received).toHaveLength(3);
  });
});

describe('createHttpClient: error mapping', () => {
  it.each([
    [
      400,
      '{"status":"ERROR","errors":[{"code":"BAD_REQUEST","message":"limit must be <= 20"}]}',
      ValidationError,
      'BAD_REQUEST',
      'limit must be <= 20',
    ],
    [
      401,
      '{"status":"ERROR","errors":[{"code":"UNAUTHORIZED","message":"bad token"}]}',
      AuthError,
      'UNAUTHORIZED',
      'bad token',
    ],
    [
      403,
      '{"code":7,"message":"Api-Key is missing a required role for a method","details":[]}',
      PermissionError,
      '7',
      'Api-Key is missing a required role for a method',
    ],
    [404, '{"status":"error","message":"Chat not found"}', NotFoundError, undefined, 'Chat not found'],
    [409, '{"code":6,"message":"already exists"}', ConflictError, '6', 'already exists'],
    [
      422,
      '{"title":"Invalid","detail":"content is too long"}',
      ValidationError,
      undefined,
      'content is too long',
    ],
    [500, '{"code":13,"message":"Internal error"}', MarketplaceError, '13', 'Internal error'],
    [418, '<html>teapot</html>', MarketplaceError, undefined, undefined],
    [302, '', MarketplaceError, undefined, undefined],
  ])(
    'maps HTTP %i (body %s) to its typed error with the marketplace code and message',
    async (status, body, type, code, message) => {
      const { client } = await setup((_req, res) =>
        sendJson(res, status, body, status === 302 ? { location: 'http://elsewhere.invalid/' } : {}),
      );
      const error = await rejection(client.request({ ...get(), method: 'POST', operation: 'sendText' }));
      expect(error).toBeInstanceOf(type);
      expect(error.marketplace).toBe('yandex');
      expect(error.operation).toBe('sendText');
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.marketplaceMessage).toBe(message);
      expect(error.message).toMatch(new RegExp(`^Yandex Market sendText: .*\\(HTTP ${status}`));
      if (message) expect(error.message).toContain(message);
      if (type === ValidationError) expect((error as ValidationError).field).toBe('request');
    },
  );

  it('maps 429, 503 and the configured statuses (Yandex 420) to RateLimitError, with a plain-text message', async () => {
    const { client } = await setup(
      (_req, res) => {
        res.writeHead(420, { 'content-type': 'text/plain' });
        res.end('Hit rate limit of 4 parallel requests for campaignId 12345');
      },
      { rateLimitStatuses: [420], retry: { maxAttempts: 1 } },
    );
    const error = await rejection(client.request(get()));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.marketplaceMessage).toBe('Hit rate limit of 4 parallel requests for campaignId 12345');
    for (const status of [429, 503]) {
      await server?.close();
      const next = await setup((_req, res) => sendJson(res, status, '{}'), { retry: { maxAttempts: 1 } });
      expect(await rejection(next.client.request(get()))).toBeInstanceOf(RateLimitError);
    }
  });

  it('consults mapError first and falls back to the status mapping when it returns undefined', async () => {
    const seen: unknown[] = [];
    const { client } = await setup(
      (req, res) =>
        sendJson(
          res,
          400,
          req.url.endsWith('/window')
            ? '{"code":3,"message":"chat is closed for sending"}'
            : '{"code":3,"message":"bad"}',
        ),
      {
        mapError: (response) => {
          seen.push(response.data);
          if (response.text.includes('closed for sending')) {
            return new PermissionError('Ozon: the send window of this chat has closed', {
              code: 'SEND_WINDOW',
            });
          }
          return undefined;
        },
      },
    );
    const mapped = await rejection(client.request({ ...get(), path: '/window' }));
    expect(mapped).toBeInstanceOf(PermissionError);
    // Context the mapper left out is filled in.
    expect(mapped.operation).toBe('listChats');
    expect(mapped.status).toBe(400);
    expect(mapped.marketplace).toBe('yandex');
    expect(await rejection(client.request(get()))).toBeInstanceOf(ValidationError);
    expect(seen).toEqual([
      { code: 3, message: 'chat is closed for sending' },
      { code: 3, message: 'bad' },
    ]);
  });
});

describe('createHttpClient: retries', () => {
  it('retries a GET on 5xx with full-jitter backoff through runtime.sleep', async () => {
    const { client, runtime } = await setup((_req, res, i) =>
      sendJson(res, i < 2 ? 502 : 200, '{"ok":true}'),
    );
    await expect(client.request(get())).resolves.toMatchObject({ data: { ok: true } });
    expect(server!.received).toHaveLength(3);
    expect(runtime.sleeps).toEqual([125, 250]);
  });

  it('gives up after maxAttempts and throws the last error', async () => {
    const { client } = await setup((_req, res) =>
      sendJson(res, 500, '{"code":13,"message":"Internal error"}'),
    );
    const error = await rejection(client.request(get()));
    expect(error).toBeInstanceOf(MarketplaceError);
    expect(server!.received).toHaveLength(3);
  });

  it('never retries a POST that got a 500', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 500, '{}'));
    const error = await rejection(
      client.request({ operation: 'sendText', method: 'POST', path: '/send', body: { json: { t: 'hi' } } }),
    );
    expect(error).toBeInstanceOf(MarketplaceError);
    expect(server!.received).toHaveLength(1);
  });

  it('never retries a POST whose connection was reset, and says it may have been performed', async () => {
    const { client, runtime } = await setup((_req, res) => {
      res.socket?.destroy();
    });
    const error = await rejection(
      client.request({ operation: 'sendText', method: 'POST', path: '/send', body: { json: {} } }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(
      /^Yandex Market sendText: network failure \(reset\): .*may or may not have been performed$/,
    );
    expect(server!.received).toHaveLength(1);
    expect(runtime.sleeps).toEqual([]);
  });

  const send = (): RequestSpec => ({
    operation: 'sendText',
    method: 'POST',
    path: '/send',
    body: { json: { t: 'hi' } },
  });

  it('repeats a POST refused with 429 after its Retry-After: the refusal means nothing was stored', async () => {
    const { client, runtime } = await setup((_req, res, i) =>
      i === 0 ? sendJson(res, 429, '{}', { 'retry-after': '2' }) : sendJson(res, 200, '{"ok":true}'),
    );
    await expect(client.request(send())).resolves.toMatchObject({ data: { ok: true } });
    expect(server!.received.map((r) => [r.method, r.body.toString()])).toEqual([
      ['POST', '{"t":"hi"}'],
      ['POST', '{"t":"hi"}'],
    ]);
    expect(runtime.sleeps).toEqual([2000]);
  });

  it.each([420, 509])(
    "repeats a POST refused with the marketplace's own status (%i), backing off without Retry-After",
    async (status) => {
      const { client, runtime } = await setup((_req, res, i) => sendJson(res, i === 0 ? status : 200, '{}'), {
        rateLimitStatuses: [status],
      });
      await client.request(send());
      expect(server!.received).toHaveLength(2);
      expect(runtime.sleeps).toEqual([125]);
    },
  );

  it('gives up on a POST refused every time after maxAttempts; the error carries retryAfterMs', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 429, '{}', { 'retry-after': '2' }));
    const error = await rejection(client.request(send()));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(2000);
    expect(server!.received).toHaveLength(3);
  });

  it('does not repeat a refused POST whose Retry-After exceeds maxRetryAfterMs', async () => {
    const { client, runtime } = await setup((_req, res) =>
      sendJson(res, 429, '{}', { 'retry-after': '3600' }),
    );
    const error = await rejection(client.request(send()));
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(server!.received).toHaveLength(1);
    expect(runtime.sleeps).toEqual([]);
  });

  it('never repeats a POST answered 503: a gateway says it whether or not the request got through', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 503, '{}'));
    const error = await rejection(client.request(send()));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server!.received).toHaveLength(1);
  });

  it('repeats a refused POST once, then stops at a reset: that attempt may have been performed', async () => {
    const { client } = await setup((_req, res, i) =>
      i === 0 ? sendJson(res, 429, '{}', { 'retry-after': '0' }) : res.socket?.destroy(),
    );
    const error = await rejection(client.request(send()));
    expect(error).toBeInstanceOf(NetworkError);
    expect(server!.received).toHaveLength(2);
  });

  it('retries a POST marked idempotent, and a GET after a reset', async () => {
    const { client } = await setup((_req, res, i) =>
      i === 0 ? res.socket?.destroy() : sendJson(res, 200, '{}'),
    );
    await client.request({
      operation: 'listChats',
      method: 'POST',
      path: '/chats',
      body: { json: {} },
      idempotent: true,
    });
    expect(server!.received).toHaveLength(2);
    await client.request(get());
    expect(server!.received).toHaveLength(3);
  });

  it('does not retry a GET marked not idempotent, nor a 404', async () => {
    const { client } = await setup((_req, res, i) => sendJson(res, i === 0 ? 500 : 404, '{}'));
    await expect(client.request({ ...get(), idempotent: false })).rejects.toBeInstanceOf(MarketplaceError);
    await expect(client.request(get())).rejects.toBeInstanceOf(NotFoundError);
    expect(server!.received).toHaveLength(2);
  });

  it('waits out Retry-After in seconds and as an HTTP date, measured on the injected clock', async () => {
    const { client, runtime } = await setup((_req, res, i) => {
      if (i === 0) sendJson(res, 429, '{}', { 'retry-after': '3' });
      else if (i === 1)
        sendJson(res, 429, '{}', { 'retry-after': new Date(runtime.clock.now() + 7000).toUTCString() });
      else sendJson(res, 200, '{}');
    });
    await client.request(get());
    expect(server!.received).toHaveLength(3);
    expect(runtime.sleeps[0]).toBe(3000);
    // HTTP dates have whole seconds: the wait is the next whole second at most 7 s away.
    expect(runtime.sleeps[1]).toBeGreaterThan(6000);
    expect(runtime.sleeps[1]).toBeLessThanOrEqual(7000);
  });

  it("uses Yandex's X-RateLimit-Resource-Until when the hourly quota is spent", async () => {
    const { client, runtime } = await setup(
      (_req, res, i) =>
        i === 0
          ? sendJson(res, 420, '{"status":"ERROR","errors":[{"code":"LIMIT","message":"quota"}]}', {
              'x-ratelimit-resource-until': new Date(runtime.clock.now() + 30_000).toUTCString(),
              'x-ratelimit-resource-remaining': '0',
            })
          : sendJson(res, 200, '{}'),
      { rateLimitStatuses: [420] },
    );
    await client.request(get());
    expect(runtime.sleeps[0]).toBeGreaterThan(29_000);
    expect(runtime.sleeps[0]).toBeLessThanOrEqual(30_000);
  });

  it('throws RateLimitError at once when Retry-After exceeds maxRetryAfterMs', async () => {
    const { client, runtime } = await setup((_req, res) =>
      sendJson(res, 429, '{"code":8,"message":"You have reached request rate limit per second"}', {
        'retry-after': '3600',
      }),
    );
    const error = await rejection(client.request(get()));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(error.message).toBe(
      'Yandex Market listChats: rate limited; retry after 3600 s (HTTP 429, code 8): You have reached request rate limit per second',
    );
    expect(server!.received).toHaveLength(1);
    expect(runtime.sleeps).toEqual([]);
  });

  it('retries a GET timeout and reports TimeoutError when it persists', async () => {
    const { client } = await setup(
      (_req, res) => {
        setTimeout(() => res.end('{}'), 1000);
      },
      { timeoutMs: 80, retry: { maxAttempts: 2 } },
    );
    const error = await rejection(client.request(get()));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe('Yandex Market listChats: no response within 80 ms');
    expect(server!.received).toHaveLength(2);
  });

  it('stops at once when the caller aborts, with the abort reason', async () => {
    const controller = new AbortController();
    const { client } = await setup((_req, res) => {
      controller.abort(new Error('node closed'));
      sendJson(res, 500, '{}');
    });
    await expect(client.request({ ...get(), signal: controller.signal })).rejects.toThrow('node closed');
    expect(server!.received).toHaveLength(1);
    await expect(client.request({ ...get(), signal: controller.signal })).rejects.toThrow('node closed');
    expect(server!.received).toHaveLength(1);
  });

  it('refuses a nonsense retry policy', async () => {
    await expect(setup(() => {}, { retry: { maxAttempts: 0 } })).rejects.toThrow(/maxAttempts/);
  });
});

describe('createHttpClient: limiter and logging', () => {
  it('keeps concurrency under the limit per account', async () => {
    let inFlight = 0;
    let max = 0;
    const { client } = await setup(
      (_req, res) => {
        inFlight++;
        max = Math.max(max, inFlight);
        setTimeout(() => {
          inFlight--;
          sendJson(res, 200, '{}');
        }, 20);
      },
      { limits: { all: { concurrency: 2 } } },
    );
    await Promise.all(Array.from({ length: 6 }, () => client.request(get())));
    expect(max).toBe(2);
    expect(server!.received).toHaveLength(6);
  });

  it('logs requests, responses and retries through the logger', async () => {
    const lines: string[] = [];
    const logger = {
      debug: (message: string) => lines.push(`debug ${message}`),
      warn: (message: string) => lines.push(`warn ${message}`),
    };
    const { client } = await setup((_req, res, i) => sendJson(res, i === 0 ? 503 : 200, '{}'), { logger });
    await client.request(get());
    expect(lines).toEqual([
      `debug → GET ${server!.origin}/yandex/v2/chats (attempt 1/3)`,
      `debug ← 503 GET ${server!.origin}/yandex/v2/chats in 0 ms`,
      'warn listChats: retrying in 125 ms after rate_limit (HTTP 503)',
      `debug → GET ${server!.origin}/yandex/v2/chats (attempt 2/3)`,
      `debug ← 200 GET ${server!.origin}/yandex/v2/chats in 0 ms`,
    ]);
  });

  it('hands the retry wait to the logger as data: delayMs, attempt, kind and status', async () => {
    const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
    const logger = {
      debug: () => {},
      warn: (m: string, d?: Record<string, unknown>) => warnings.push([m, d]),
    };
    const { client } = await setup(
      (_req, res, i) =>
        i === 0
          ? sendJson(res, 429, '{}', { 'retry-after': '2' })
          : i === 1
            ? sendJson(res, 500, '{}')
            : sendJson(res, 200, '{}'),
      { logger },
    );
    await client.request(get());
    expect(warnings.map(([, data]) => data)).toEqual([
      {
        marketplace: 'yandex',
        operation: 'listChats',
        attempt: 1,
        kind: 'rate_limit',
        status: 429,
        delayMs: 2000,
      },
      {
        marketplace: 'yandex',
        operation: 'listChats',
        attempt: 2,
        kind: 'marketplace',
        status: 500,
        delayMs: 250,
      },
    ]);
    expect(warnings[0]![0]).toContain('retrying in 2000 ms');
  });

  it('survives a logger that throws', async () => {
    const broken = () => {
      throw new Error('log sink down');
    };
    const { client } = await setup((_req, res) => sendJson(res, 200, '{}'), {
      logger: { debug: broken, warn: broken },
    });
    await expect(client.request(get())).resolves.toMatchObject({ status: 200 });
  });
});
