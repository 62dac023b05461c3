import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../index.js';
import { createMetroModule } from './index.js';

/**
 * The Metro module behind the real sandbox server, over loopback HTTP with fetch: what a client
 * signs is exactly what travels (URL encoding, Host header, multipart bytes built by undici).
 */
describe('Metro over HTTP', () => {
  let sandbox: RunningSandbox;
  let base: string;
  let secret: string;
  let key: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ modules: [createMetroModule], chats: 24, seed: 3 });
    base = sandbox.baseUrls.metro as string;
    const credentials = sandbox.control.credentials('metro').seller as Record<string, string>;
    key = credentials.clientKey as string;
    secret = credentials.clientSecret as string;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  /** Sandbox time, which the control API can shift: the timestamp must follow it. */
  const sandboxSeconds = () => String(Math.floor(Date.parse(sandbox.control.clock().now) / 1000));

  function sign(method: string, url: string, body: Buffer | string, encoding: 'base64' | 'hex' = 'base64') {
    const timestamp = sandboxSeconds();
    const signature = createHmac('sha256', secret)
      .update(`${method}\n${url}\n`)
      .update(body)
      .update(`\n${timestamp}`)
      .digest(encoding);
    return {
      accept: 'application/json',
      'x-client-id': key,
      'x-timestamp': timestamp,
      'x-signature': signature,
    };
  }

  async function call(method: string, pathAndQuery: string, json?: unknown, encoding?: 'base64' | 'hex') {
    const url = `${base}${pathAndQuery}`;
    const body = json === undefined ? '' : JSON.stringify(json);
    const headers = {
      ...sign(method, url, body, encoding),
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    };
    const res = await fetch(url, { method, headers, ...(json === undefined ? {} : { body }) });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  }

  it('lists chats with bracketed filters, signed in base64 and in hex', async () => {
    const query = new URLSearchParams([
      ['filters[statuses][]', 'WAITING_FOR_SELLER'],
      ['filters[statuses][]', 'OVER_SLA'],
      ['limit', '5'],
    ]);
    const b64 = await call('GET', `/openapi/v1/chats?${query}`, undefined, 'base64');
    const hex = await call('GET', `/openapi/v1/chats?${query}`, undefined, 'hex');
    expect(b64.status).toBe(200);
    expect(b64.type).toMatch(/application\/json/);
    expect(hex.body).toEqual(b64.body);
    expect(b64.body.metadata.limit).toBe(5);
    for (const chat of b64.body.data) expect(['WAITING_FOR_SELLER', 'OVER_SLA']).toContain(chat.status);
    // Unencoded brackets are a different URI string: signed as sent, they pass too.
    const raw = await call('GET', '/openapi/v1/chats?filters[isSeen]=0&limit=3');
    expect(raw.status).toBe(200);
    for (const chat of raw.body.data) expect(chat.isSeen).toBe(false);
  });

  it('answers a bad signature with 401 and the Metro error envelope', async () => {
    const url = `${base}/openapi/v1/chats`;
    const res = await fetch(url, { headers: { ...sign('GET', `${url}?limit=1`, '') } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ status: 'error', message: expect.stringContaining('X-Signature') });
  });

  it('uploads with a multipart body built by fetch, signed over the empty body and over the raw body', async () => {
    const threads = sandbox.control.threads('metro');
    const chatId = threads[0]?.chatId as string;
    const orderId = threads[0]?.context?.orderId as string;
    const url = `${base}/openapi/v1/orders/${orderId}/upload-file`;
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.from('%PDF-1.4 sandbox')], { type: 'application/pdf' }),
      'Invoice 42.pdf',
    );
    const request = new Request(url, { method: 'POST', body: form });
    const bytes = Buffer.from(await request.arrayBuffer());
    const contentType = request.headers.get('content-type') as string;

    const empty = await fetch(url, {
      method: 'POST',
      body: bytes,
      headers: { ...sign('POST', url, ''), 'content-type': contentType },
    });
    const raw = await fetch(url, {
      method: 'POST',
      body: bytes,
      headers: { ...sign('POST', url, bytes), 'content-type': contentType },
    });
    expect(empty.status).toBe(201);
    expect(raw.status).toBe(201);
    const file = (await raw.json()).data;
    expect(file).toMatchObject({ fileName: 'Invoice 42.pdf', fileType: 'application/pdf' });

    const sent = await call('POST', `/openapi/v1/chats/${chatId}/messages`, {
      content: 'Your invoice',
      attachments: [{ fileId: file.fileId, fileName: file.fileName, fileType: file.fileType }],
    });
    expect(sent.status).toBe(201);
    const download = await fetch(sent.body.data.attachments[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-1.4 sandbox');
    expect(sandbox.control.sellerMessages('metro').at(-1)).toMatchObject({ chatId, text: 'Your invoice' });
  });

  it('refuses an 11 MB upload with 422 naming the file field', async () => {
    const orderId = sandbox.control.threads('metro')[1]?.context?.orderId as string;
    const url = `${base}/openapi/v1/orders/${orderId}/upload-file`;
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(11 * 1024 * 1024)], { type: 'application/pdf' }), 'big.pdf');
    const request = new Request(url, { method: 'POST', body: form });
    const bytes = Buffer.from(await request.arrayBuffer());
    const res = await fetch(url, {
      method: 'POST',
      body: bytes,
      headers: { ...sign('POST', url, ''), 'content-type': request.headers.get('content-type') as string },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors.file[0]).toMatch(/limit is 10 MB/);
  });

  it('ages a buyer chat into OVER_SLA when the control API moves the clock, and signing follows the clock', async () => {
    const opened = sandbox.control.buyerOpenChat('metro', {
      text: 'Is my order on its way?',
      name: 'Grace Hopper',
    });
    const before = await call(
      'GET',
      `/openapi/v1/chats?${new URLSearchParams([['filters[chatId]', opened.chatId]])}`,
    );
    expect(before.body.data[0].status).toBe('WAITING_FOR_SELLER');
    expect(before.body.data[0].unseenMessagesCount).toBe(1);
    sandbox.control.setClock({ advanceMs: 49 * 3_600_000 });
    try {
      const after = await call(
        'GET',
        `/openapi/v1/chats?${new URLSearchParams([['filters[chatId]', opened.chatId]])}`,
      );
      expect(after.status).toBe(200);
      expect(after.body.data[0].status).toBe('OVER_SLA');
      const messages = await call('GET', `/openapi/v1/chats/${opened.chatId}/messages`);
      expect(messages.body.data[0].seenAt).not.toBeNull();
      const unseen = await call('GET', '/openapi/v1/chats/unseen');
      expect(unseen.body.data.chats.map((c: { id: string }) => c.id)).not.toContain(opened.chatId);
    } finally {
      sandbox.control.setClock({ offsetMs: 0 });
    }
  });
});
