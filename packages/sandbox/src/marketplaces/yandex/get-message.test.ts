import { describe, expect, it } from 'vitest';
import { yandexHarness } from './test-support.js';

describe('Yandex GET chats/message (getChatMessage)', () => {
  it('returns one message by chatId and messageId, attachments as payload', async () => {
    const h = yandexHarness();
    const chat = h.module
      .listThreads()
      .find(
        (t) =>
          t.context?.contextType === 'RETURN' && h.module.thread(t.chatId)!.some((m) => m.attachments.length),
      )!;
    const message = h.module.thread(chat.chatId)!.find((m) => m.attachments.length > 0)!;
    const res = await h.send({
      method: 'GET',
      path: '/chats/message',
      query: { chatId: chat.chatId, messageId: message.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.result).toMatchObject({
      messageId: Number(message.id),
      sender: 'CUSTOMER',
      payload: [{ name: message.attachments[0]!.name, url: message.attachments[0]!.url }],
    });
  });

  it('answers 404 for a message of another chat and 400 without messageId', async () => {
    const h = yandexHarness();
    const [a, b] = h.module.listThreads().filter((t) => (h.module.thread(t.chatId) ?? []).length > 0);
    const foreign = h.module.thread(b!.chatId)![0]!.id;
    const res = await h.send({
      method: 'GET',
      path: '/chats/message',
      query: { chatId: a!.chatId, messageId: foreign },
    });
    expect(res.status).toBe(404);
    const missing = await h.send({ method: 'GET', path: '/chats/message', query: { chatId: a!.chatId } });
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0].message).toContain('messageId');
  });
});
