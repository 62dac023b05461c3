import { describe, expect, it } from 'vitest';
import { yandexHarness } from './test-support.js';

describe('Yandex routing', () => {
  it('answers 404 for a path that is not a chat method', async () => {
    const h = yandexHarness();
    const res = await h.send({ path: '/chats/archive', body: {} });
    expect(res.status).toBe(404);
    expect(res.json.errors[0].code).toBe('NOT_FOUND');
  });

  it('answers 405 for a known path with the wrong method, naming the allowed one', async () => {
    const h = yandexHarness();
    const res = await h.send({ method: 'GET', path: '/chats' });
    expect(res.status).toBe(405);
    expect(res.json.errors[0]).toEqual({
      code: 'METHOD_NOT_ALLOWED',
      message: expect.stringContaining('POST'),
    });
  });

  it('serves both methods of chats/message: POST sends, GET reads one message', async () => {
    const h = yandexHarness();
    const chat = h.module.listThreads().find((t) => t.status === 'WAITING_FOR_PARTNER')!;
    const messageId = h.module.thread(chat.chatId)![0]!.id;
    const read = await h.send({
      method: 'GET',
      path: '/chats/message',
      query: { chatId: chat.chatId, messageId },
    });
    expect(read.json.result.messageId).toBe(Number(messageId));
    const sent = await h.send({
      path: '/chats/message',
      query: { chatId: chat.chatId },
      body: { message: 'ok' },
    });
    expect(sent.json).toEqual({ status: 'OK' });
  });

  it('answers 400 for a businessId that is not a positive integer', async () => {
    const h = yandexHarness();
    const res = await h.module.handle({
      method: 'POST',
      path: '/v2/businesses/abc/chats',
      rawPathAndQuery: '/v2/businesses/abc/chats',
      fullUrl: 'http://127.0.0.1/yandex/v2/businesses/abc/chats',
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/json' },
      rawBody: Buffer.from('{}'),
    });
    expect(res.status).toBe(400);
  });
});
