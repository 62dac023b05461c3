import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProbeModule } from '../../test/helpers/probe-module.js';
import { jsonRequest, rawRequest } from '../../test/helpers/raw-http.js';
import { storedenGet, storedenSend } from '../../test/helpers/storeden-http.js';
import { createStoredenModule } from '../marketplaces/storeden/index.js';
import { launchSandbox, type RunningSandbox } from '../server/launch-sandbox.js';

let sandbox: RunningSandbox;
let withId: string;
beforeAll(async () => {
  sandbox = await launchSandbox({ modules: [createStoredenModule, createProbeModule], chats: 2 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.control.reset();
  withId = sandbox.control.threads('storeden')[0]?.chatId ?? '';
});

function addFault(fault: Record<string, unknown>) {
  return jsonRequest(`${sandbox.url}/_sandbox/faults`, { method: 'POST', json: fault });
}

describe('faults, seen by a raw HTTP client', () => {
  it('latency delays the answer by at least ms', async () => {
    await addFault({ marketplace: 'storeden', kind: 'latency', ms: 300, times: 1 });
    const started = performance.now();
    const reply = await storedenGet(sandbox.url, '/messages/chat_list.json');
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const again = performance.now();
    await storedenGet(sandbox.url, '/messages/chat_list.json');
    expect(performance.now() - again).toBeLessThan(250);
  });

  it('status answers 5xx in the marketplace error shape, or the given body, then clears after times', async () => {
    await addFault({ marketplace: 'storeden', kind: 'status', status: 503, times: 1 });
    const first = await storedenGet(sandbox.url, '/messages/chat_list.json');
    expect(first.status).toBe(503);
    expect(first.json).toEqual({
      error: { code: 503, message: 'Injected fault: the service is unavailable' },
    });
    expect((await storedenGet(sandbox.url, '/messages/chat_list.json')).status).toBe(200);

    await addFault({ marketplace: 'ozon', kind: 'status', status: 500 });
    expect((await jsonRequest(`${sandbox.url}/ozon/v1/chat/send/message`, { method: 'POST' })).json).toEqual({
      code: 13,
      message: 'Injected fault: the service is unavailable',
      details: [],
    });
    await jsonRequest(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    await addFault({ marketplace: 'ozon', kind: 'status', status: 502, body: { custom: true } });
    const custom = await jsonRequest(`${sandbox.url}/ozon/x`, { method: 'POST' });
    expect([custom.status, custom.json]).toEqual([502, { custom: true }]);
  });

  it('rate-limit answers 429/420/509 with Retry-After as given and does not run the handler', async () => {
    await addFault({ marketplace: 'storeden', kind: 'rate-limit', status: 509, retryAfter: 7, times: 1 });
    const reply = await storedenSend(sandbox.url, withId, 'blocked');
    expect(reply.status).toBe(509);
    expect(reply.statusText).toBe('Limit Exceeded');
    expect(reply.headers['retry-after']).toBe('7');
    expect(sandbox.control.sellerMessages('storeden')).toEqual([]);

    const date = 'Wed, 21 Oct 2065 07:28:00 GMT';
    await addFault({ marketplace: 'ozon', kind: 'rate-limit', status: 429, retryAfter: date, times: 1 });
    const ozon = await jsonRequest(`${sandbox.url}/ozon/v3/chat/list`, { method: 'POST' });
    expect([ozon.status, ozon.headers['retry-after']]).toEqual([429, date]);
    expect(ozon.json).toEqual({ code: 8, message: 'Too Many Requests', details: [] });
  });

  it('reset destroys the socket before any answer', async () => {
    await addFault({
      marketplace: 'storeden',
      path: '/messages/chat.json',
      method: 'POST',
      kind: 'reset',
      times: 1,
    });
    const outcome = await rawRequest(`${sandbox.url}/storeden/messages/chat.json`, {
      method: 'POST',
      headers: { key: 'storeden-sandbox-key', exchange: 'storeden-sandbox-exchange' },
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(['ECONNRESET', 'EPIPE']).toContain(outcome.error.code);
  });

  it('truncated sends half of the real JSON body, which does not parse', async () => {
    await addFault({
      marketplace: 'storeden',
      path: '/messages/chat_list.json',
      kind: 'truncated',
      times: 1,
    });
    const cut = await storedenGet(sandbox.url, '/messages/chat_list.json');
    const whole = await storedenGet(sandbox.url, '/messages/chat_list.json');
    expect(cut.status).toBe(200);
    expect(() => JSON.parse(cut.text)).toThrow();
    expect(cut.body.length).toBe(Math.floor(whole.body.length / 2));
    expect(whole.text.startsWith(cut.text)).toBe(true);
  });

  it('html answers a 502 HTML page', async () => {
    await addFault({ marketplace: 'storeden', kind: 'html', times: 1 });
    const reply = await storedenGet(sandbox.url, '/messages/chat_list.json');
    expect(reply.status).toBe(502);
    expect(reply.headers['content-type']).toBe('text/html');
    expect(reply.text).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('lost-response stores the send, then drops the connection instead of answering', async () => {
    await addFault({
      marketplace: 'storeden',
      path: '/messages/chat.json',
      method: 'post',
      kind: 'lost-response',
    });
    const outcome = await rawRequest(`${sandbox.url}/storeden/messages/chat.json`, {
      method: 'POST',
      headers: {
        key: 'storeden-sandbox-key',
        exchange: 'storeden-sandbox-exchange',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `with_id=${withId}&message=did+it+arrive%3F`,
    });
    expect(outcome.ok).toBe(false);
    expect(sandbox.control.sellerMessages('storeden').map((message) => message.text)).toEqual([
      'did it arrive?',
    ]);
    // The fault matches POST only: reads still answer.
    expect((await storedenGet(sandbox.url, '/messages/chat_list.json')).status).toBe(200);
  });

  it('matches by marketplace, method and a path with *', async () => {
    await addFault({ marketplace: 'ozon', path: '/v3/*', kind: 'status', status: 503 });
    expect((await jsonRequest(`${sandbox.url}/ozon/v3/chat/history`, { method: 'POST' })).status).toBe(503);
    expect((await jsonRequest(`${sandbox.url}/ozon/v1/chat/start`, { method: 'POST' })).status).toBe(200);
    expect((await storedenGet(sandbox.url, '/messages/chat_list.json')).status).toBe(200);
    const listed = await jsonRequest(`${sandbox.url}/_sandbox/faults`);
    expect(listed.json).toEqual([
      expect.objectContaining({ id: expect.any(String), kind: 'status', path: '/v3/*', applied: 1 }),
    ]);
  });

  it('refuses a bad fault naming the field and what is allowed', async () => {
    const kind = await addFault({ kind: 'explode' });
    expect(kind.status).toBe(400);
    expect(kind.json).toEqual({
      error: {
        code: 'bad_request',
        message:
          'fault.kind must be one of latency, status, rate-limit, reset, truncated, html, lost-response (got "explode")',
      },
    });
    const message = (reply: { json: unknown }) =>
      (reply.json as { error: { message: string } }).error.message;
    const status = await addFault({ kind: 'rate-limit', status: 418 });
    expect(message(status)).toContain('fault.status must be one of 429, 420, 509');
    const market = await addFault({ kind: 'reset', marketplace: 'amazon' });
    expect(message(market)).toContain('fault.marketplace must be one of storeden, ozon');
    const extra = await addFault({ kind: 'reset', ms: 5 });
    expect(message(extra)).toContain('unknown field "ms"');
    expect((await jsonRequest(`${sandbox.url}/_sandbox/faults`)).json).toEqual([]);
  });
});
