import { MARKETPLACES, type MarketplaceId, metroSignature, metroStringToSign } from '@sellerchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SellerChatMetroApi } from '../credentials/SellerChatMetroApi.credentials.js';
import { testCredential } from './harness/credential-test.js';
import {
  CREDENTIAL_TYPE,
  type Sandbox,
  SECRET_FIELD,
  sandboxCredentials,
  startTestSandbox,
} from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox(3);
});
afterAll(async () => {
  await sandbox.close();
});

function data(marketplace: MarketplaceId, override: Record<string, string> = {}) {
  return Object.values(sandboxCredentials(sandbox, marketplace, override))[0]!;
}

describe('credential test requests against the sandbox', () => {
  it.each(MARKETPLACES)('%s: good credentials pass', async (marketplace) => {
    const result = await testCredential(CREDENTIAL_TYPE[marketplace], data(marketplace));
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
  });

  it.each(MARKETPLACES)('%s: a wrong secret fails', async (marketplace) => {
    const result = await testCredential(
      CREDENTIAL_TYPE[marketplace],
      data(marketplace, { [SECRET_FIELD[marketplace]]: 'not-the-secret' }),
    );
    expect(result.ok).toBe(false);
    // Refused by the marketplace (Ozon answers a wrong key with 404), not by anything on our side.
    expect([401, 403, 404]).toContain(result.statusCode);
    expect(result.message).not.toContain('not-the-secret');
  });

  it('yandex: a key for another business fails the test (the business ID is checked too)', async () => {
    const result = await testCredential('sellerChatYandexApi', data('yandex', { businessId: '55667788' }));
    expect(result.ok).toBe(false);
    expect(result.statusCode).toBe(403);
  });

  it('metro: signing with the other encoding than the server expects fails', async () => {
    sandbox.control.configure('metro', { signatureEncoding: 'hex' });
    try {
      const wrong = await testCredential(
        'sellerChatMetroApi',
        data('metro', { signatureEncoding: 'base64' }),
      );
      expect(wrong).toMatchObject({ ok: false, message: expect.stringMatching(/X-Signature/) });
      expect(
        (await testCredential('sellerChatMetroApi', data('metro', { signatureEncoding: 'hex' }))).ok,
      ).toBe(true);
    } finally {
      sandbox.control.configure('metro', { signatureEncoding: 'any' });
    }
  });
});

describe('Metro authenticate', () => {
  it("signs METHOD\\nFULL_URL\\nBODY\\nTIMESTAMP with the core's signing function, query and base included", async () => {
    const credential = new SellerChatMetroApi();
    const signed = await credential.authenticate(
      { clientKey: 'k', clientSecret: 's', environment: 'sandbox', signatureEncoding: 'base64', baseUrl: '' },
      {
        method: 'POST',
        url: '/openapi/v1/chats/c1/messages',
        qs: { 'filters[isSeen]': 0 },
        body: '{"content":"hi"}',
      },
    );
    const headers = signed.headers as Record<string, string>;
    expect(signed.url).toBe(
      'https://service-message-center.sandbox.infra.metro-markets.cloud/openapi/v1/chats/c1/messages?filters%5BisSeen%5D=0',
    );
    expect(signed.qs).toBeUndefined();
    const toSign = metroStringToSign('POST', signed.url, '{"content":"hi"}', headers['X-Timestamp']!);
    expect(headers['X-Signature']).toBe(metroSignature('s', toSign, 'base64'));
    expect(headers['X-Client-Id']).toBe('k');
    expect(Math.abs(Number(headers['X-Timestamp']) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('signs an empty body where n8n sends none (GET, an empty object as declarative requests start with)', async () => {
    const credential = new SellerChatMetroApi();
    const credentials = {
      clientKey: 'k',
      clientSecret: 's',
      signatureEncoding: 'hex',
      baseUrl: 'http://127.0.0.1:9/metro/',
    };
    for (const request of [
      { method: 'GET' as const, url: '/openapi/v1/chat-categories', body: { any: 1 }, qs: {} },
      { method: 'POST' as const, url: '/openapi/v1/x', body: {} },
    ]) {
      const signed = await credential.authenticate(credentials, request);
      const headers = signed.headers as Record<string, string>;
      const toSign = metroStringToSign(request.method, signed.url, '', headers['X-Timestamp']!);
      expect(signed.url).toBe(`http://127.0.0.1:9/metro${request.url}`);
      expect(headers['X-Signature']).toBe(metroSignature('s', toSign, 'hex'));
    }
  });
});
