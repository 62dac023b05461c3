import { describe, expect, it } from 'vitest';
import { CLIENT_ID } from './credentials.js';
import { ozonHarness } from './test-support.js';

const types = (pushes: Array<{ body: unknown }>) =>
  pushes.map((p) => (p.body as { message_type: string }).message_type);

describe('Ozon buyer actions and pushes', () => {
  it('a buyer message pushes TYPE_NEW_MESSAGE with a string message_id and seller_id', () => {
    const h = ozonHarness();
    const { chatId, messageId } = h.module.buyerOpenChat({
      text: 'Есть в наличии?',
      name: 'Vera',
      kind: 'fbo',
    });
    expect(h.pushes).toHaveLength(1);
    expect(h.pushes[0]).toEqual({
      body: {
        message_type: 'TYPE_NEW_MESSAGE',
        chat_id: chatId,
        chat_type: 'Buyer_Seller',
        message_id: messageId,
        created_at: new Date(h.ctx.now()).toISOString(),
        user: { id: expect.stringMatching(/^\d+$/), type: 'Customer' },
        data: ['Есть в наличии?'],
        seller_id: CLIENT_ID,
      },
      expect: 'ozon-event',
      timeoutMs: 5000,
    });
    expect(BigInt(messageId)).toBeGreaterThan(2n ** 53n);
  });

  it("writing reads the seller's earlier messages first (TYPE_MESSAGE_READ, then TYPE_NEW_MESSAGE)", async () => {
    const h = ozonHarness();
    const { chatId } = h.module.buyerOpenChat({ text: 'Hi', kind: 'fbs' });
    await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'Hello!' } });
    const sellerId = h.module.sellerMessages().at(-1)!.id;
    h.pushes.length = 0;
    h.module.buyerWrite(chatId, 'Thanks');
    expect(types(h.pushes)).toEqual(['TYPE_MESSAGE_READ', 'TYPE_NEW_MESSAGE']);
    expect(h.pushes[0]!.body).toMatchObject({
      message_id: sellerId,
      last_read_message_id: sellerId,
      user: { type: 'Customer' },
    });
    const history = await h.send({ path: '/v3/chat/history', body: { chat_id: chatId, limit: 2 } });
    expect(history.json.messages[1]).toMatchObject({ user: { type: 'seller' }, is_read: true });
  });

  it('buyerRead pushes only when there was something new to read', async () => {
    const h = ozonHarness();
    const { chatId } = h.module.buyerOpenChat({ text: 'Hi', kind: 'fbs' });
    h.pushes.length = 0;
    h.module.buyerRead(chatId);
    expect(h.pushes).toEqual([]);
    await h.send({ path: '/v1/chat/send/message', body: { chat_id: chatId, text: 'Hello!' } });
    h.module.buyerRead(chatId);
    expect(types(h.pushes)).toEqual(['TYPE_MESSAGE_READ']);
  });

  it('buyerEdit pushes TYPE_UPDATE_MESSAGE with updated_at and the new data', () => {
    const h = ozonHarness();
    const { chatId, messageId } = h.module.buyerOpenChat({ text: 'Hi', kind: 'fbs' });
    h.advance(30_000);
    h.module.buyerEdit(chatId, messageId, 'Hi, edited');
    expect(h.pushes.at(-1)!.body).toMatchObject({
      message_type: 'TYPE_UPDATE_MESSAGE',
      message_id: messageId,
      updated_at: new Date(h.ctx.now()).toISOString(),
      data: ['Hi, edited'],
    });
    expect(h.module.thread(chatId)![0]!.text).toBe('Hi, edited');
    expect(() => h.module.buyerEdit(chatId, '1', 'x')).toThrow(/not a buyer message/);
  });

  it('closeChat pushes TYPE_CHAT_CLOSED and the buyer can no longer write', () => {
    const h = ozonHarness();
    const { chatId } = h.module.buyerOpenChat({ text: 'Hi', kind: 'fbs' });
    h.module.closeChat(chatId);
    expect(h.pushes.at(-1)!.body).toEqual({
      message_type: 'TYPE_CHAT_CLOSED',
      chat_id: chatId,
      chat_type: 'Buyer_Seller',
      user: { id: expect.any(String), type: 'Customer' },
      seller_id: CLIENT_ID,
    });
    expect(() => h.module.buyerWrite(chatId, 'hello?')).toThrow(/closed/);
  });

  it('pingPush queues TYPE_PING; cyrillicCustomer changes push user.type too', () => {
    const h = ozonHarness();
    h.module.pingPush!();
    expect(h.pushes[0]).toEqual({
      body: { message_type: 'TYPE_PING', time: new Date(h.ctx.now()).toISOString() },
      expect: 'ozon-ping',
      timeoutMs: 5000,
    });
    h.module.configure({ cyrillicCustomer: true });
    h.module.buyerOpenChat({ text: 'Hi' });
    expect((h.pushes.at(-1)!.body as { user: { type: string } }).user.type).toBe('\u0421ustomer');
  });

  it('a buyer attachment becomes a Markdown image with the stored bytes', () => {
    const h = ozonHarness();
    const chatId = h.chatWhere((c) => c.scheme === 'FBO');
    h.module.buyerWrite(chatId, 'see photo', {
      name: 'crack.jpg',
      mimeType: 'image/jpeg',
      data: Buffer.from([255, 216]),
    });
    const last = h.module.thread(chatId)!.at(-1)!;
    expect(last).toMatchObject({
      from: 'buyer',
      text: 'see photo',
      attachments: [{ name: 'crack.jpg', size: 2 }],
    });
    expect(() => h.module.buyerWrite('missing', 'x')).toThrow(/does not exist/);
  });
});
