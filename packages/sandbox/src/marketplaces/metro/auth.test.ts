import { describe, expect, it } from 'vitest';
import { metroHarness } from './testing/harness.js';
import { multipartBody, TEST_CLIENT_SECRET } from './testing/signed-request.js';

const CHATS = '/openapi/v1/chats';

describe('Metro HMAC auth', () => {
  it('accepts a base64 signature and a lowercase hex signature', async () => {
    const h = metroHarness(3);
    const base64 = await h.call({ method: 'GET', path: CHATS, encoding: 'base64' });
    const hex = await h.call({ method: 'GET', path: CHATS, encoding: 'hex' });
    expect(base64.status).toBe(200);
    expect(hex.status).toBe(200);
    expect(hex.body.metadata.total).toBe(3);
  });

  it('accepts a signed JSON body and rejects it once the body changes after signing', async () => {
    const h = metroHarness(1);
    const chatId = h.metro.listThreads()[0]?.chatId as string;
    const path = `/openapi/v1/chats/${chatId}/messages`;
    const ok = await h.call({ method: 'POST', path, json: { content: 'signed' } });
    expect(ok.status).toBe(201);
    const tampered = await h.call({
      method: 'POST',
      path,
      json: { content: 'tampered' },
      sign: { body: JSON.stringify({ content: 'signed' }) },
    });
    expect(tampered.status).toBe(401);
    expect(tampered.body).toEqual({ status: 'error', message: expect.stringContaining('X-Signature') });
  });

  it('refuses a JSON POST signed over an empty body: only multipart uploads get that reading', async () => {
    const h = metroHarness(1);
    const chatId = h.metro.listThreads()[0]?.chatId as string;
    const res = await h.call({
      method: 'POST',
      path: `/openapi/v1/chats/${chatId}/messages`,
      json: { content: 'hi' },
      sign: { body: '' },
    });
    expect(res.status).toBe(401);
  });

  it('rejects a signature over another URI (query changed after signing)', async () => {
    const h = metroHarness(3);
    const res = await h.call({
      method: 'GET',
      path: CHATS,
      query: [['limit', '2']],
      sign: { url: 'http://127.0.0.1:4010/metro/openapi/v1/chats?limit=1' },
    });
    expect(res.status).toBe(401);
  });

  it('rejects a signature made without the /metro base path, because the full URI is signed', async () => {
    const h = metroHarness(3);
    const res = await h.call({
      method: 'GET',
      path: CHATS,
      sign: { url: 'http://127.0.0.1:4010/openapi/v1/chats' },
    });
    expect(res.status).toBe(401);
  });

  it('rejects a signature made for another method', async () => {
    const h = metroHarness(3);
    const res = await h.call({ method: 'GET', path: CHATS, sign: { method: 'POST' } });
    expect(res.status).toBe(401);
  });

  it('rejects a signature over another timestamp than the X-Timestamp header', async () => {
    const h = metroHarness(3);
    const now = Math.floor(h.ctx.now() / 1000);
    const res = await h.call({ method: 'GET', path: CHATS, sign: { timestamp: String(now - 1) } });
    expect(res.status).toBe(401);
  });

  it('rejects a timestamp 6 minutes off either way and accepts one 4 minutes off', async () => {
    const h = metroHarness(3);
    const now = Math.floor(h.ctx.now() / 1000);
    const late = await h.call({ method: 'GET', path: CHATS, timestamp: String(now - 360) });
    const early = await h.call({ method: 'GET', path: CHATS, timestamp: String(now + 360) });
    const near = await h.call({ method: 'GET', path: CHATS, timestamp: String(now - 240) });
    expect(late.status).toBe(401);
    expect(late.body.message).toMatch(/X-Timestamp is 360 s away/);
    expect(early.status).toBe(401);
    expect(near.status).toBe(200);
  });

  it('rejects a timestamp in milliseconds, a wrong secret, an unknown client and missing headers', async () => {
    const h = metroHarness(1);
    const ms = await h.call({ method: 'GET', path: CHATS, timestamp: String(h.ctx.now()) });
    const secret = await h.call({ method: 'GET', path: CHATS, secret: 'not-the-secret' });
    const client = await h.call({ method: 'GET', path: CHATS, clientKey: 'someone-else' });
    const missing = await h.call({ method: 'GET', path: CHATS, headers: { 'x-signature': '' } });
    expect([ms.status, secret.status, client.status, missing.status]).toEqual([401, 401, 401, 401]);
    expect(client.body.message).toMatch(/unknown X-Client-Id/);
    expect(missing.body.message).toMatch(/missing header X-Signature/);
  });

  it('never puts the secret or the expected signature into an error', async () => {
    const h = metroHarness(1);
    const res = await h.call({ method: 'GET', path: CHATS, secret: 'wrong' });
    const good = await h.call({ method: 'GET', path: CHATS });
    expect(JSON.stringify(res.body)).not.toContain(TEST_CLIENT_SECRET);
    expect(good.status).toBe(200);
  });

  it('accepts an upload signed over an empty body and one signed over the raw multipart body', async () => {
    const h = metroHarness(1);
    const orderId = h.metro.orders()[0]?.orderId as string;
    const { body, contentType } = multipartBody({
      name: 'a.txt',
      type: 'text/plain',
      data: Buffer.from('hi'),
    });
    const path = `/openapi/v1/orders/${orderId}/upload-file`;
    const headers = { 'content-type': contentType };
    const empty = await h.call({ method: 'POST', path, body, headers, sign: { body: '' } });
    const raw = await h.call({ method: 'POST', path, body, headers });
    const other = await h.call({ method: 'POST', path, body, headers, sign: { body: 'something else' } });
    expect(empty.status).toBe(201);
    expect(raw.status).toBe(201);
    expect(other.status).toBe(401);
  });

  it('can be pinned to one encoding and one upload-body reading', async () => {
    const h = metroHarness(1);
    h.metro.configure({ signatureEncoding: 'hex', uploadBodySigning: 'empty' });
    expect((await h.call({ method: 'GET', path: CHATS, encoding: 'base64' })).status).toBe(401);
    expect((await h.call({ method: 'GET', path: CHATS, encoding: 'hex' })).status).toBe(200);
    const orderId = h.metro.orders()[0]?.orderId as string;
    const { body, contentType } = multipartBody({
      name: 'a.txt',
      type: 'text/plain',
      data: Buffer.from('hi'),
    });
    const raw = await h.call({
      method: 'POST',
      path: `/openapi/v1/orders/${orderId}/upload-file`,
      body,
      headers: { 'content-type': contentType },
      encoding: 'hex',
    });
    expect(raw.status).toBe(401);
  });
});

describe('Metro routing', () => {
  it('answers 404 for an unknown path and 405 with Allow for a wrong method, both after auth', async () => {
    const h = metroHarness(1);
    const unknown = await h.get('/openapi/v1/nothing');
    const wrong = await h.call({ method: 'DELETE', path: CHATS });
    expect(unknown.status).toBe(404);
    expect(unknown.body.status).toBe('error');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET');
    const unsigned = await h.call({ method: 'GET', path: '/openapi/v1/nothing', secret: 'x' });
    expect(unsigned.status).toBe(401);
  });
});
