import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  MarketplaceError,
  NotFoundError,
  RateLimitError,
  type SellerChatError,
  ValidationError,
} from '../../errors/errors.js';
import type { FileUpload } from '../../model/attachment.js';
import { METRO_MAX_FILE_BYTES } from './capabilities.js';
import { createMetroClient } from './client.js';
import { type MetroSandbox, startMetroSandbox } from './client.testing.js';

let env: MetroSandbox;
let chatId: string;

beforeAll(async () => {
  env = await startMetroSandbox(6);
  const [chat] = (await env.client().listChats({ limit: 1 })).items;
  chatId = chat!.id;
});
afterAll(async () => {
  await env.sb.close();
});
beforeEach(async () => {
  env.sent.length = 0;
  await env.control('/faults', { method: 'DELETE' });
});

const file = (name: string, size = 10, mimeType?: string): FileUpload => ({
  name,
  data: new Uint8Array(size),
  mimeType,
});

async function refusal(run: () => Promise<unknown>): Promise<ValidationError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).marketplace).toBe('metro');
  expect((error as Error).message).toMatch(/^Metro Markets/);
  return error as ValidationError;
}

describe('Metro refuses bad input before any request', () => {
  it.each([
    ['an empty text', () => env.client().sendText(chatId, '  '), 'text', /at least 1 character/],
    [
      '11 files',
      () =>
        env
          .client()
          .sendText(chatId, 'x', { attachments: Array.from({ length: 11 }, (_, i) => file(`f${i}.pdf`)) }),
      'attachments',
      /10 files/,
    ],
    [
      'a file over 10 MB',
      () => env.client().sendFile(chatId, file('big.pdf', METRO_MAX_FILE_BYTES + 1)),
      'file[0]',
      /10 MB/,
    ],
    [
      'a type Metro does not take',
      () => env.client().sendFile(chatId, file('clip.mp4')),
      'file[0]',
      /allowed types/,
    ],
    [
      'a declared type Metro does not take',
      () => env.client().sendText(chatId, 'x', { attachments: [file('a.pdf', 10, 'application/zip')] }),
      'attachments[0]',
      /application\/zip/,
    ],
    ['an empty chat id', () => env.client().listMessages(''), 'chatId', /chatId is empty/],
    ['a chat id of ".."', () => env.client().sendText('..', 'x'), 'chatId', /\.\./],
    [
      'a language Metro does not list',
      () => env.client().listChats({ language: 'ru' as never }),
      'language',
      /en, de/,
    ],
    [
      'a status Metro chats never have',
      () => env.client().listChats({ statuses: ['closed'] }),
      'statuses',
      /closed/,
    ],
    ['a foreign cursor', () => env.client().listChats({ cursor: 'next-please' }), 'cursor', /cursor/],
    [
      'a custom subject without its text',
      () => env.client().startChat({ orderId: 'o-1', subject: 'OTHERS' }),
      'customSubject',
      /required/,
    ],
    [
      'a chat without category or subject',
      () => env.client().startChat({ orderId: 'o-1' }),
      'categoryId',
      /required/,
    ],
    ['a start without an order', () => env.client().startChat({ categoryId: '211' }), 'orderId', /orderId/],
    [
      'a download without a url',
      () => env.client().downloadAttachment({ ref: 'files/x' }),
      'attachment.url',
      /downloadUrl/,
    ],
  ])('%s', async (_name, run, field, message) => {
    const error = await refusal(run);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(env.sent).toHaveLength(0);
  });

  it('refuses unusable credentials and options when the client is made', () => {
    const base = { transport: async () => ({ status: 200, headers: {}, body: '' }), runtime: {} as never };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ clientKey: '', clientSecret: 's' }, 'credentials.clientKey'],
      [{ clientKey: 'k' }, 'credentials.clientSecret'],
      [{ clientKey: 'k', clientSecret: 's', environment: 'staging' }, 'credentials.environment'],
      [{ clientKey: 'k', clientSecret: 's', signatureEncoding: 'base32' }, 'credentials.signatureEncoding'],
    ];
    for (const [credentials, field] of cases) {
      expect(() => createMetroClient({ ...base, credentials: credentials as never })).toThrow(
        expect.objectContaining({ field, marketplace: 'metro' }),
      );
    }
    expect(() =>
      createMetroClient({
        ...base,
        credentials: { clientKey: 'k', clientSecret: 's' },
        language: 'xx' as never,
      }),
    ).toThrow(expect.objectContaining({ field: 'options.language' }));
  });
});

describe('Metro ids can never change the endpoint', () => {
  it.each([
    ['x/../../chat-categories', 'x%2F..%2F..%2Fchat-categories'],
    ['abc?filters[chatId]=1', 'abc%3Ffilters%5BchatId%5D%3D1'],
    ['abc#frag', 'abc%23frag'],
    ['..%2F..%2Fchat-subjects', '..%252F..%252Fchat-subjects'],
  ])('%s stays one path segment and is not found', async (id, encoded) => {
    const client = env.client();
    await expect(client.listMessages(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(env.sent.map((r) => r.url)).toEqual([`${env.baseUrl}/openapi/v1/chats/${encoded}/messages`]);
    await expect(client.getMessage(chatId, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(env.sent[1]!.url).toBe(`${env.baseUrl}/openapi/v1/chats/${chatId}/messages/${encoded}`);
  });

  it('an order id with a slash uploads nowhere but to that (missing) order', async () => {
    const client = env.client();
    await expect(client.uploadFile('../chats', file('a.pdf'))).rejects.toBeInstanceOf(NotFoundError);
    expect(env.sent.map((r) => r.url)).toEqual([`${env.baseUrl}/openapi/v1/orders/..%2Fchats/upload-file`]);
  });
});

describe('Metro errors are typed', () => {
  it('a wrong secret is an AuthError carrying Metro\u2019s message, never the secret', async () => {
    const client = env.client({ credentials: { clientSecret: 'wrong-secret-value' } });
    const error = (await client.listChats().catch((e) => e)) as SellerChatError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.marketplaceMessage).toMatch(/X-Signature does not match/);
    expect(JSON.stringify(error.toJSON())).not.toContain('wrong-secret-value');
    expect(error.message).not.toContain('wrong-secret-value');
  });

  it('an unknown chat is a NotFoundError from the error envelope', async () => {
    const error = (await env
      .client()
      .sendText('00000000-0000-4000-8000-000000000000', 'x')
      .catch((e) => e)) as SellerChatError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.operation).toBe('sendText');
  });

  it('a field Metro refuses is a ValidationError naming the field', async () => {
    await env.control('/metro/settings', { body: { maxContentLength: 5 } });
    try {
      const error = (await env
        .client()
        .sendText(chatId, 'far too long')
        .catch((e) => e)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.field).toBe('content');
      expect(error.status).toBe(422);
    } finally {
      await env.control('/metro/settings', { body: { maxContentLength: 0 } });
    }
  });

  it('429 is retried for reads and surfaces as RateLimitError with the wait', async () => {
    await env.control('/faults', {
      body: {
        marketplace: 'metro',
        path: '/openapi/v1/chats',
        kind: 'rate-limit',
        status: 429,
        retryAfter: 120,
      },
    });
    const error = (await env
      .client()
      .listChats()
      .catch((e) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it('a 503 on a read is retried until it passes', async () => {
    await env.control('/faults', {
      body: { marketplace: 'metro', path: '/openapi/v1/chats', kind: 'status', status: 503, times: 2 },
    });
    const page = await env.client().listChats({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(env.sent).toHaveLength(3);
  });

  it('a 500 with Metro\u2019s error body on a send is a MarketplaceError, and the send is not repeated', async () => {
    await env.control('/faults', {
      body: {
        marketplace: 'metro',
        method: 'POST',
        path: '/openapi/v1/chats/*/messages',
        kind: 'status',
        status: 500,
        times: 5,
      },
    });
    const error = (await env
      .client()
      .sendText(chatId, 'during an outage')
      .catch((e) => e)) as SellerChatError;
    expect(error).toBeInstanceOf(MarketplaceError);
    expect(error.status).toBe(500);
    expect(env.sent.map((r) => r.method)).toEqual(['POST']);
    const sent = (await env.control('/metro/seller-messages')) as Array<{ text: string }>;
    expect(sent.filter((m) => m.text === 'during an outage')).toHaveLength(0);
  });
});
