import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../http/test-server.js';
import type { TransportFailure } from '../http/transport.js';
import { isTransportFailure } from '../http/transport.js';
import { createAxiosTransport } from './transport.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const transport = createAxiosTransport();

async function failure(promise: Promise<unknown>): Promise<TransportFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isTransportFailure(error)).toBe(true);
  return error as TransportFailure;
}

describe('createAxiosTransport', () => {
  it('returns status, lower-case headers and the body text untouched (no JSON transform)', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json', 'X-RateLimit-Resource-Remaining': '7' });
      res.end('{"id":3000000000817031942,"text":"привет"}');
    });
    const response = await transport({
      method: 'GET',
      url: `${server.origin}/v1/x?a=1&filters[statuses][]=NEW`,
      headers: { 'Api-Key': 'k' },
      timeoutMs: 5000,
    });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-ratelimit-resource-remaining']).toBe('7');
    expect(response.body).toBe('{"id":3000000000817031942,"text":"привет"}');
    expect(server.received[0]?.url).toBe('/v1/x?a=1&filters[statuses][]=NEW');
    expect(server.received[0]?.headers['api-key']).toBe('k');
  });

  it('sends a text body byte for byte with its content type', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    const text = '{"n":18446744073709551615,"t":"ü €"}';
    await transport({
      method: 'POST',
      url: `${server.origin}/send`,
      headers: {},
      body: { type: 'text', contentType: 'application/json', text },
      timeoutMs: 5000,
    });
    const got = server.received[0]!;
    expect(got.method).toBe('POST');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.body.toString('utf8')).toBe(text);
  });

  it('keeps binary bytes exactly', async () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0d, 0x0a]);
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(bytes);
    });
    const response = await transport({
      method: 'GET',
      url: `${server.origin}/file`,
      headers: {},
      timeoutMs: 5000,
    });
    expect(response.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(response.bytes!)).toEqual(bytes);
  });

  it('sends multipart files and fields the server can read back', async () => {
    server = await startTestServer((_req, res) => res.end('{}'));
    const data = new Uint8Array([137, 80, 78, 71, 0, 255]);
    await transport({
      method: 'POST',
      url: `${server.origin}/upload`,
      headers: { 'Content-Type': 'application/json' },
      body: {
        type: 'multipart',
        parts: [
          { name: 'chatId', value: '42' },
          { name: 'file', filename: 'photo.png', contentType: 'image/png', data },
        ],
      },
      timeoutMs: 5000,
    });
    const got = server.received[0]!;
    const contentType = String(got.headers['content-type']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    // Parse it back with the platform's own multipart reader.
    const form = await new Response(new Uint8Array(got.body), {
      headers: { 'content-type': contentType },
    }).formData();
    expect(form.get('chatId')).toBe('42');
    const file = form.get('file') as File;
    expect(file.name).toBe('photo.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(data);
  });

  it('does not follow redirects (credentials would go along)', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/start') {
        res.writeHead(302, { location: '/elsewhere' });
        res.end();
      } else res.end('followed');
    });
    const response = await transport({
      method: 'GET',
      url: `${server.origin}/start`,
      headers: {},
      timeoutMs: 5000,
    });
    expect(response.status).toBe(302);
    expect(server.received).toHaveLength(1);
  });

  it("maps a socket destroyed mid-response to 'reset'", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"chats":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const f = await failure(
      transport({ method: 'GET', url: `${server.origin}/x`, headers: {}, timeoutMs: 5000 }),
    );
    expect(f.kind).toBe('reset');
  });

  it("maps a connection closed before any response to 'reset'", async () => {
    server = await startTestServer((_req, res) => {
      res.socket?.destroy();
    });
    const f = await failure(
      transport({ method: 'POST', url: `${server.origin}/x`, headers: {}, timeoutMs: 5000 }),
    );
    expect(f.kind).toBe('reset');
  });

  it("maps a slow server to 'timeout'", async () => {
    server = await startTestServer((_req, res) => {
      setTimeout(() => res.end('late'), 1500);
    });
    const f = await failure(
      transport({ method: 'GET', url: `${server.origin}/slow`, headers: {}, timeoutMs: 100 }),
    );
    expect(f.kind).toBe('timeout');
  });

  it("maps a refused connection to 'refused'", async () => {
    // Take a free port and release it, so nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const f = await failure(
      transport({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, timeoutMs: 5000 }),
    );
    expect(f.kind).toBe('refused');
  });

  it("maps an unresolvable host to 'dns'", async () => {
    const f = await failure(
      transport({ method: 'GET', url: 'http://sellerchat-test.invalid/', headers: {}, timeoutMs: 5000 }),
    );
    expect(f.kind).toBe('dns');
  });

  it("maps an abort to 'aborted'", async () => {
    server = await startTestServer((_req, res) => {
      setTimeout(() => res.end('late'), 1500);
    });
    const controller = new AbortController();
    const pending = transport({
      method: 'GET',
      url: `${server.origin}/slow`,
      headers: {},
      timeoutMs: 5000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 30);
    expect((await failure(pending)).kind).toBe('aborted');
  });
});
