import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosTransport } from '../axios/transport.js';
import { AuthError, type SellerChatError } from '../errors/errors.js';
import { createFakeRuntime } from '../http/fake-runtime.js';
import type { HttpClientOptions } from '../http/options.js';
import { createHttpClient } from '../http/pipeline.js';
import { sendJson, startTestServer, type TestHandler, type TestServer } from '../http/test-server.js';
import { type Transport, transportFailure } from '../http/transport.js';

// Every secret carries the marker, so one search finds any of them (and any part of a header).
const API_KEY = 'CANARY-api-key-7f3a9d';
const CLIENT_SECRET = 'CANARY-metro-client-secret-b71e';
const EXCHANGE = 'CANARY-storeden-exchange-c0ffee';
const OAUTH = 'CANARY-oauth-token-5512';
const MARKER = 'CANARY';

/** Every string the code produced, gathered for the final search. */
const produced: string[] = [];
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function collect(error: unknown): SellerChatError {
  const e = error as SellerChatError;
  produced.push(
    e.message,
    String(e),
    e.stack ?? '',
    JSON.stringify(e),
    JSON.stringify(e.toJSON()),
    inspect(e, { depth: 8 }),
  );
  if (e.marketplaceMessage) produced.push(e.marketplaceMessage);
  if (e.code) produced.push(e.code);
  return e;
}

async function client(handler: TestHandler, overrides: Partial<HttpClientOptions> = {}) {
  server = await startTestServer(handler);
  let n = 0;
  return createHttpClient({
    marketplace: 'metro',
    baseUrl: `${server.origin}/metro`,
    transport: createAxiosTransport(),
    runtime: createFakeRuntime({ mode: 'auto' }),
    secrets: [API_KEY, CLIENT_SECRET, EXCHANGE, OAUTH],
    logger: {
      debug: (message, data) => produced.push(message, JSON.stringify(data ?? {})),
      warn: (message, data) => produced.push(message, JSON.stringify(data ?? {})),
    },
    authenticate: (request) => ({
      ...request,
      headers: {
        ...request.headers,
        'Api-Key': API_KEY,
        key: 'CANARY-storeden-key-0042',
        exchange: EXCHANGE,
        Authorization: `Bearer ${OAUTH}`,
        // A per-request value that is in no secrets list: only the header name marks it.
        'X-Signature': `CANARY-signature-${++n}-${CLIENT_SECRET.length}`,
      },
    }),
    ...overrides,
  });
}

/** A server that echoes every credential it received back in its error body, in every form. */
const echo: TestHandler = (req, res) => {
  const h = req.headers;
  const all = [h['api-key'], h.key, h.exchange, h.authorization, h['x-signature']].join(' | ');
  sendJson(
    res,
    401,
    JSON.stringify({
      status: 'ERROR',
      errors: [
        {
          code: `BAD_KEY_${h['api-key']}`,
          message: `Invalid Api-Key ${all}; encoded ${encodeURIComponent(String(h['api-key']))}`,
        },
      ],
      message: `echo ${all}`,
    }),
  );
};

describe('no secret in anything the pipeline produces', () => {
  it('on success (logs)', async () => {
    const c = await client((_req, res) => sendJson(res, 200, '{"ok":true}'));
    await c.request({ operation: 'listChats', method: 'GET', path: '/chats', query: { q: API_KEY } });
    expect(produced.length).toBeGreaterThan(0);
  });

  it('when the server echoes the credentials in a JSON error body', async () => {
    const c = await client(echo);
    const error = collect(
      await c.request({ operation: 'listChats', method: 'GET', path: '/chats' }).catch((e) => e),
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error.marketplaceMessage).toContain('Invalid Api-Key [REDACTED]');
  });

  it('when the server echoes them as plain text, on retried 5xx', async () => {
    const c = await client((req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end(`overloaded; your key was ${req.headers['api-key']} and ${req.headers.authorization}`);
    });
    const error = collect(
      await c.request({ operation: 'listChats', method: 'GET', path: '/chats' }).catch((e) => e),
    );
    expect(error.marketplaceMessage).toBe('overloaded; your key was [REDACTED] and [REDACTED]');
  });

  it('when a custom mapError puts the raw key into its message', async () => {
    const c = await client(echo, {
      mapError: (response) =>
        new AuthError(`custom: ${response.text} / ${API_KEY}`, {
          marketplaceMessage: API_KEY,
          code: API_KEY,
        }),
    });
    collect(
      await c
        .request({ operation: 'sendText', method: 'POST', path: '/m', body: { json: {} } })
        .catch((e) => e),
    );
  });

  it('when the transport fails with a message naming the credentials', async () => {
    const leaky: Transport = async (request) => {
      throw transportFailure('other', `proxy refused ${JSON.stringify(request.headers)}`);
    };
    const c = await client((_req, res) => sendJson(res, 200, '{}'), { transport: leaky });
    const error = collect(
      await c.request({ operation: 'listChats', method: 'GET', path: '/chats' }).catch((e) => e),
    );
    expect(error.message).toContain('[REDACTED]');
  });

  it('when the transport throws a plain error carrying the request', async () => {
    const leaky: Transport = async (request) => {
      throw Object.assign(new Error(`boom ${request.headers['Api-Key']}`), { config: request });
    };
    const c = await client((_req, res) => sendJson(res, 200, '{}'), { transport: leaky });
    collect(await c.request({ operation: 'listChats', method: 'GET', path: '/chats' }).catch((e) => e));
  });

  it('when authenticate fails with the secret in its message', async () => {
    const c = await client((_req, res) => sendJson(res, 200, '{}'), {
      authenticate: () => {
        throw new Error(`cannot sign with ${CLIENT_SECRET}`);
      },
    });
    collect(await c.request({ operation: 'listChats', method: 'GET', path: '/chats' }).catch((e) => e));
  });

  it('when a refused next-page URL contains a key', async () => {
    const c = await client((_req, res) => sendJson(res, 200, '{}'));
    collect(
      await c
        .request({
          operation: 'listMessages',
          method: 'GET',
          path: '/x',
          absoluteUrl: `http://evil.invalid/${API_KEY}?k=${EXCHANGE}`,
        })
        .catch((e) => e),
    );
  });

  it('on timeouts', async () => {
    const c = await client(
      (_req, res) => {
        setTimeout(() => res.end('{}'), 500);
      },
      { timeoutMs: 50, retry: { maxAttempts: 1 } },
    );
    collect(await c.request({ operation: 'listChats', method: 'GET', path: '/chats' }).catch((e) => e));
  });

  it('finds no canary in any of the collected strings', () => {
    expect(produced.length).toBeGreaterThan(40);
    const leaks = produced.filter((text) => text.includes(MARKER));
    expect(leaks).toEqual([]);
  });

  it('would notice a leak (the search itself works)', () => {
    const error = new AuthError(`bad ${API_KEY}`);
    expect([error.message, String(error), inspect(error)].filter((t) => t.includes(MARKER))).toHaveLength(3);
  });
});
