import { describe, expect, it } from 'vitest';
import { multipartBody, yandexHarness } from './test-support.js';

describe('Yandex POST chats/file/send (sendFileToChat)', () => {
  it('stores the multipart field "file" as a PARTNER message with a payload url', async () => {
    const h = yandexHarness();
    const chatId = h.module.listThreads().find((t) => t.status === 'WAITING_FOR_PARTNER')!.chatId;
    const bytes = Buffer.from('%PDF-1.4 invoice');
    const { body, contentType } = await multipartBody('file', 'invoice.pdf', bytes, 'application/pdf');
    const res = await h.send({ path: '/chats/file/send', query: { chatId }, rawBody: body, contentType });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'OK' });
    const history = await h.send({ path: '/chats/history', query: { chatId }, body: {} });
    const last = history.json.result.messages.at(-1);
    expect(last).toMatchObject({ sender: 'PARTNER', payload: [{ name: 'invoice.pdf', size: bytes.length }] });
    expect(last.message).toBeUndefined();
    const id = /\/_sandbox\/files\/(\w+)$/.exec(last.payload[0].url)![1]!;
    expect(h.ctx.readFile(id)?.data.equals(bytes)).toBe(true);
  });

  it('refuses more than 5 MB with 400, and accepts exactly 5 MB', async () => {
    const h = yandexHarness();
    const chatId = h.module.listThreads()[0]!.chatId;
    const limit = 5 * 1024 * 1024;
    const big = await multipartBody('file', 'big.bin', Buffer.alloc(limit + 1), 'application/octet-stream');
    const res = await h.send({
      path: '/chats/file/send',
      query: { chatId },
      rawBody: big.body,
      contentType: big.contentType,
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toContain(String(limit));
    const exact = await multipartBody('file', 'ok.bin', Buffer.alloc(limit), 'application/octet-stream');
    const ok = await h.send({
      path: '/chats/file/send',
      query: { chatId },
      rawBody: exact.body,
      contentType: exact.contentType,
    });
    expect(ok.status).toBe(200);
  });

  it('needs the field to be called "file" and the body to be multipart (415 otherwise)', async () => {
    const h = yandexHarness();
    const chatId = h.module.listThreads()[0]!.chatId;
    const wrong = await multipartBody('attachment', 'a.png', Buffer.from('x'));
    const res = await h.send({
      path: '/chats/file/send',
      query: { chatId },
      rawBody: wrong.body,
      contentType: wrong.contentType,
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toContain('"file"');
    const json = await h.send({ path: '/chats/file/send', query: { chatId }, body: { file: 'x' } });
    expect(json.status).toBe(415);
  });
});
