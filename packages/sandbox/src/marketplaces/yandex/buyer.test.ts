import { describe, expect, it } from 'vitest';
import { BUSINESS_ID } from './credentials.js';
import { yandexHarness } from './test-support.js';

describe('Yandex buyer actions and pushes', () => {
  it('a buyer message moves the chat to WAITING_FOR_PARTNER and pushes CHAT_MESSAGE_SENT with a string messageId', async () => {
    const h = yandexHarness();
    const chat = h.module.listThreads().find((t) => t.status === 'WAITING_FOR_CUSTOMER')!;
    const messageId = h.module.buyerWrite(chat.chatId, 'Any news?');
    expect(h.module.listThreads().find((t) => t.chatId === chat.chatId)!.status).toBe('WAITING_FOR_PARTNER');
    expect(h.pushes).toEqual([
      {
        body: {
          notificationType: 'CHAT_MESSAGE_SENT',
          chatId: Number(chat.chatId),
          messageId,
          businessId: BUSINESS_ID,
          sentAt: new Date(h.ctx.now()).toISOString(),
        },
        expect: 'yandex-event',
        timeoutMs: 10_000,
      },
    ]);
    const fetched = await h.send({
      method: 'GET',
      path: '/chats/message',
      query: { chatId: chat.chatId, messageId },
    });
    expect(fetched.json.result).toMatchObject({ sender: 'CUSTOMER', message: 'Any news?' });
  });

  it('a buyer-opened DIRECT chat pushes CHAT_CREATED before its first message', () => {
    const h = yandexHarness();
    const { chatId, messageId } = h.module.buyerOpenChat({ text: 'Is it waterproof?', name: 'Vera N.' });
    expect(h.pushes.map((p) => (p.body as { notificationType: string }).notificationType)).toEqual([
      'CHAT_CREATED',
      'CHAT_MESSAGE_SENT',
    ]);
    expect(h.pushes[0]!.body).toMatchObject({ chatId: Number(chatId), businessId: BUSINESS_ID });
    const thread = h.module.listThreads().find((t) => t.chatId === chatId)!;
    expect(thread).toMatchObject({ title: 'Question from Vera N.', status: 'WAITING_FOR_PARTNER' });
    expect(h.module.thread(chatId)).toEqual([
      expect.objectContaining({ id: messageId, from: 'buyer', text: 'Is it waterproof?' }),
    ]);
  });

  it('order and return kinds open chats with an order context; unknown kinds throw', () => {
    const h = yandexHarness();
    const order = h.module.buyerOpenChat({ text: 'Where is it?', kind: 'order' });
    const ret = h.module.buyerOpenChat({ text: 'Broken', kind: 'return' });
    const threads = h.module.listThreads();
    expect(threads.find((t) => t.chatId === order.chatId)!.context).toMatchObject({ contextType: 'ORDER' });
    expect(threads.find((t) => t.chatId === ret.chatId)!.context).toMatchObject({ contextType: 'RETURN' });
    expect(() => h.module.buyerOpenChat({ text: 'x', kind: 'support' })).toThrow(/direct, order or return/);
  });

  it('a buyer attachment is stored and served as payload', async () => {
    const h = yandexHarness();
    const chatId = h.module.listThreads()[0]!.chatId;
    h.module.buyerWrite(chatId, '', {
      name: 'scan.png',
      mimeType: 'image/png',
      data: Buffer.from([1, 2, 3]),
    });
    const history = await h.send({ path: '/chats/history', query: { chatId }, body: {} });
    expect(history.json.result.messages.at(-1)).toMatchObject({ payload: [{ name: 'scan.png', size: 3 }] });
    expect(history.json.result.messages.at(-1).message).toBeUndefined();
  });

  it('closeChat finishes the chat; disputes push CHAT_ARBITRAGE_STARTED and _FINISHED', async () => {
    const h = yandexHarness();
    const chatId = h.module
      .listThreads()
      .find((t) => t.status === 'WAITING_FOR_PARTNER' && t.context?.contextType === 'ORDER')!.chatId;
    h.module.startArbitrage(chatId);
    h.module.closeChat(chatId);
    expect(h.pushes.map((p) => (p.body as { notificationType: string }).notificationType)).toEqual([
      'CHAT_ARBITRAGE_STARTED',
      'CHAT_ARBITRAGE_FINISHED',
    ]);
    expect(() => h.module.buyerWrite(chatId, 'hello?')).toThrow(/FINISHED/);
    const send = await h.send({ path: '/chats/message', query: { chatId }, body: { message: 'x' } });
    expect(send.status).toBe(400);
  });

  it('pingPush queues PING with a 1 s timeout', () => {
    const h = yandexHarness();
    h.module.pingPush!();
    expect(h.pushes).toEqual([
      {
        body: { notificationType: 'PING', time: new Date(h.ctx.now()).toISOString() },
        expect: 'yandex-ping',
        timeoutMs: 1000,
      },
    ]);
  });

  it('buyerWrite refuses unknown chats', () => {
    const h = yandexHarness();
    expect(() => h.module.buyerWrite('42', 'x')).toThrow(/does not exist/);
  });
});
