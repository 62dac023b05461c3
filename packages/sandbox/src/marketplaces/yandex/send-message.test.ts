import { describe, expect, it } from 'vitest';
import { yandexHarness } from './test-support.js';

function waitingChat(h: ReturnType<typeof yandexHarness>) {
  return h.module
    .listThreads()
    .find((t) => t.status === 'WAITING_FOR_PARTNER' && t.context?.contextType === 'ORDER')!;
}

describe('Yandex POST chats/message (sendMessageToChat)', () => {
  it('answers {"status":"OK"}, stores a PARTNER message and moves the chat to WAITING_FOR_CUSTOMER', async () => {
    const h = yandexHarness();
    const chat = waitingChat(h);
    h.advance(90_000);
    const res = await h.send({
      path: '/chats/message',
      query: { chatId: chat.chatId },
      body: { message: 'On its way!' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'OK' });
    const info = await h.send({ method: 'GET', path: '/chat', query: { chatId: chat.chatId } });
    expect(info.json.result.status).toBe('WAITING_FOR_CUSTOMER');
    expect(Date.parse(info.json.result.updatedAt)).toBe(Math.floor(h.ctx.now() / 1000) * 1000);
    expect(h.module.sellerMessages().at(-1)).toMatchObject({
      chatId: chat.chatId,
      text: 'On its way!',
      from: 'seller',
    });
  });

  it('accepts 4096 characters and refuses 0 or 4097 with 400 naming the limit', async () => {
    const h = yandexHarness();
    const chatId = waitingChat(h).chatId;
    const ok = await h.send({
      path: '/chats/message',
      query: { chatId },
      body: { message: 'я'.repeat(4096) },
    });
    expect(ok.status).toBe(200);
    for (const message of ['', 'x'.repeat(4097)]) {
      const res = await h.send({ path: '/chats/message', query: { chatId }, body: { message } });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].message).toContain('4096');
    }
    expect((await h.send({ path: '/chats/message', query: { chatId }, body: { text: 'hi' } })).status).toBe(
      400,
    );
  });

  it('needs chatId in the query even on POST', async () => {
    const h = yandexHarness();
    const chatId = Number(waitingChat(h).chatId);
    const res = await h.send({ path: '/chats/message', body: { chatId, message: 'hi' } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toContain('chatId');
  });

  it('refuses a FINISHED chat with 400 and an unknown chat with 404', async () => {
    const h = yandexHarness();
    const finished = h.module.listThreads().find((t) => t.status === 'FINISHED')!;
    const res = await h.send({
      path: '/chats/message',
      query: { chatId: finished.chatId },
      body: { message: 'hi' },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toContain('FINISHED');
    expect(
      (await h.send({ path: '/chats/message', query: { chatId: 1 }, body: { message: 'hi' } })).status,
    ).toBe(404);
  });
});
