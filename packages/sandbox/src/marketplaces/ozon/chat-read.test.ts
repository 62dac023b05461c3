import { describe, expect, it } from 'vitest';
import { ozonHarness } from './test-support.js';

describe('Ozon /v2/chat/read', () => {
  it('marks from_message_id and everything before it read, and answers the unread_count left', async () => {
    const h = ozonHarness();
    const { chatId } = h.module.buyerOpenChat({ text: 'one', kind: 'fbs' });
    const second = h.module.buyerWrite(chatId, 'two');
    h.module.buyerWrite(chatId, 'three');
    const res = await h.send({ path: '/v2/chat/read', body: { chat_id: chatId, from_message_id: second } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ unread_count: 1 });
    const history = await h.send({ path: '/v3/chat/history', body: { chat_id: chatId } });
    expect(history.json.messages.map((m: { is_read: boolean }) => m.is_read)).toEqual([false, true, true]);
  });

  it('marks everything read without from_message_id; the list shows it', async () => {
    const h = ozonHarness();
    const { chatId } = h.module.buyerOpenChat({ text: 'one', kind: 'fbo' });
    h.module.buyerWrite(chatId, 'two');
    expect((await h.send({ path: '/v2/chat/read', body: { chat_id: chatId } })).json).toEqual({
      unread_count: 0,
    });
    const list = await h.send({ path: '/v3/chat/list', body: { limit: 100 } });
    const item = list.json.chats.find((c: { chat: { chat_id: string } }) => c.chat.chat_id === chatId);
    expect(item).toMatchObject({ unread_count: 0, first_unread_message_id: '0' });
  });

  it('is gated by Premium Plus and needs chat_id', async () => {
    const h = ozonHarness();
    expect((await h.send({ path: '/v2/chat/read', body: {} })).status).toBe(400);
    h.module.configure({ premium: false });
    const chatId = h.module.listThreads()[0]!.chatId;
    expect((await h.send({ path: '/v2/chat/read', body: { chat_id: chatId } })).status).toBe(403);
  });
});
