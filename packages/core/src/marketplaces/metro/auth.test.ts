import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../http/clock.js';
import type { TransportRequest } from '../../http/transport.js';
import { createMetroAuthenticate, metroSignature, metroStringToSign } from './auth.js';

const LIST_URL =
  'https://service-message-center.sandbox.infra.metro-markets.cloud/openapi/v1/chats?limit=15&offset=21';
const SEND_URL =
  'https://service-message-center.pp-de.metro-marketplace.cloud/openapi/v1/chats/9e3e66e9-4025-4306-9278-c71ccee64fe5/messages';
const SEND_BODY = '{"content":"Test OpenAPI 123"}';

// Vectors computed outside Node with OpenSSL, e.g.
//   printf 'GET\n<url>\n\n1757000000' | openssl dgst -sha256 -hmac test-secret -binary | base64
const VECTORS = [
  {
    method: 'GET',
    url: LIST_URL,
    body: '',
    timestamp: '1757000000',
    base64: 'T89mGDBi3FIvzgSKjrvw8CHHvlrhaDxJSWBInqupoig=',
    hex: '4fcf66183062dc522fce048a8ebbf0f021c7be5ae1683c494960489eaba9a228',
  },
  {
    method: 'POST',
    url: SEND_URL,
    body: SEND_BODY,
    timestamp: '1757433994',
    base64: 'AFw+wUHw7EYxTn1h6cFylFSUcjrC4lSOqHlQNR/Nu9c=',
    hex: '005c3ec141f0ec46314e7d61e9c172945494723ac2e2548ea87950351fcdbbd7',
  },
];

function runtimeAt(ms: number): Runtime & { set(ms: number): void } {
  let now = ms;
  return {
    clock: { now: () => now },
    sleep: async () => {},
    random: () => 0.5,
    set(next: number) {
      now = next;
    },
  };
}

async function webCryptoHmac(secret: string, text: string): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const key = await webcrypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await webcrypto.subtle.sign('HMAC', key, enc.encode(text)));
}

describe('metroStringToSign', () => {
  it('joins upper-case method, full URL, exact body and timestamp with newlines', () => {
    expect(metroStringToSign('get', LIST_URL, '', '1757000000')).toBe(`GET\n${LIST_URL}\n\n1757000000`);
    expect(metroStringToSign('POST', SEND_URL, SEND_BODY, '1757433994')).toBe(
      `POST\n${SEND_URL}\n${SEND_BODY}\n1757433994`,
    );
  });
});

describe('metroSignature', () => {
  it('matches HMAC-SHA256 vectors computed with OpenSSL, in base64 and in hex', () => {
    for (const v of VECTORS) {
      const text = metroStringToSign(v.method, v.url, v.body, v.timestamp);
      expect(metroSignature('test-secret', text, 'base64')).toBe(v.base64);
      expect(metroSignature('test-secret', text, 'hex')).toBe(v.hex);
    }
  });

  it('agrees with WebCrypto HMAC on unicode bodies', async () => {
    const text = metroStringToSign('POST', SEND_URL, '{"content":"Grüße, €5 — 👍"}', '1757433994');
    const bytes = await webCryptoHmac('s3cr€t', text);
    expect(metroSignature('s3cr€t', text, 'base64')).toBe(Buffer.from(bytes).toString('base64'));
    expect(metroSignature('s3cr€t', text, 'hex')).toBe(Buffer.from(bytes).toString('hex'));
  });
});

describe('createMetroAuthenticate', () => {
  const credentials = {
    clientKey: 'ck-1',
    clientSecret: 'test-secret',
    signatureEncoding: 'base64' as const,
  };

  it('adds the four headers signed over the exact URL, body and clock time', async () => {
    const runtime = runtimeAt(1757433994_999);
    const request: TransportRequest = {
      method: 'POST',
      url: SEND_URL,
      headers: { 'Content-Type': 'application/json' },
      body: { type: 'text', contentType: 'application/json', text: SEND_BODY },
      timeoutMs: 1000,
    };
    const signed = await createMetroAuthenticate(credentials)(request, runtime);
    expect(signed.headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'X-Client-Id': 'ck-1',
      'X-Timestamp': '1757433994',
      'X-Signature': VECTORS[1]!.base64,
    });
    expect(signed.url).toBe(SEND_URL);
    expect(signed.body).toBe(request.body);
  });

  it('signs in hex when asked and takes a fresh timestamp on every attempt', async () => {
    const runtime = runtimeAt(1757000000_000);
    const auth = createMetroAuthenticate({ ...credentials, signatureEncoding: 'hex' });
    const request: TransportRequest = { method: 'GET', url: LIST_URL, headers: {}, timeoutMs: 1000 };
    const first = await auth(request, runtime);
    expect(first.headers['X-Signature']).toBe(VECTORS[0]!.hex);
    runtime.set(1757000007_000);
    const second = await auth(request, runtime);
    expect(second.headers['X-Timestamp']).toBe('1757000007');
    expect(second.headers['X-Signature']).toBe(
      metroSignature('test-secret', `GET\n${LIST_URL}\n\n1757000007`, 'hex'),
    );
  });

  it('signs multipart uploads over an empty body', async () => {
    const runtime = runtimeAt(1757000000_000);
    const request: TransportRequest = {
      method: 'POST',
      url: LIST_URL,
      headers: {},
      body: {
        type: 'multipart',
        parts: [{ name: 'file', filename: 'a.txt', contentType: 'text/plain', data: new Uint8Array([1, 2]) }],
      },
      timeoutMs: 1000,
    };
    const signed = await createMetroAuthenticate(credentials)(request, runtime);
    expect(signed.headers['X-Signature']).toBe(
      metroSignature('test-secret', `POST\n${LIST_URL}\n\n1757000000`, 'base64'),
    );
  });
});
