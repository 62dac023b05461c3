import { describe, expect, it } from 'vitest';
import { type Harness, metroHarness } from './testing/harness.js';

const messagesOf = (chatId: string) => `/openapi/v1/chats/${chatId}/messages`;

/** A chat the buyer just wrote in: one unseen BUYER message. */
function chatWithUnseenBuyerMessage(h: Harness): string {
  const { chatId } = h.metro.buyerOpenChat({ text: 'Where is my pallet?', name: 'Ada Lovelace' });
  h.metro.buyerWrite(chatId, 'Any news?');
  return chatId;
}

async function unseenIds(h: Harness): Promise<string[]> {
  const res = await h.get('/openapi/v1/chats/unseen');
  expect(res.body.data.count).toBe(res.body.data.chats.length);
  return res.body.data.chats.map((c: { id: string }) => c.id);
}

describe('Metro messages', () => {
  it('sends a message: 201, SELLER sender, buyer receiver, seenAt null, chat waits for the buyer', async () => {
    const h = metroHarness(0);
    const chatId = chatWithUnseenBuyerMessage(h);
    h.ctx.advance(90_000);
    const res = await h.post(messagesOf(chatId), { content: 'It ships today.' });
    expect(res.status).toBe(201);
    const message = res.body.data;
    expect(res.body.message).toBe(`Message [${message.id}] has been created`);
    expect(message).toMatchObject({
      chatId,
      senderUserType: 'SELLER',
      senderId: '18461e1b-d845-4587-8ecb-90ba8838fc6e',
      content: 'It ships today.',
      seenAt: null,
      createdAt: '2025-09-09T12:01:30+00:00',
      attachments: [],
    });
    const chat = (await h.get('/openapi/v1/chats', [['filters[chatId]', chatId]])).body.data[0];
    expect(message.receiverId).toBe(chat.buyer.id);
    expect(chat.status).toBe('WAITING_FOR_BUYER');
    expect(chat.lastMessageAt).toBe(message.createdAt);
    expect(h.metro.sellerMessages().map((m) => m.text)).toEqual(['It ships today.']);
  });

  it('lists the whole history oldest first and fetches one message by id', async () => {
    const h = metroHarness(0);
    const chatId = chatWithUnseenBuyerMessage(h);
    h.ctx.advance(1000);
    const sent = await h.post(messagesOf(chatId), { content: 'Reply' });
    const list = await h.get(messagesOf(chatId));
    expect(list.status).toBe(200);
    expect(list.body.message).toBe(`Messages for chatId [${chatId}] fetched successfully`);
    expect(list.body.data.map((m: { content: string }) => m.content)).toEqual([
      'Where is my pallet?',
      'Any news?',
      'Reply',
    ]);
    const one = await h.get(`${messagesOf(chatId)}/${sent.body.data.id}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(sent.body.data);
    expect((await h.get(`${messagesOf(chatId)}/nope`)).status).toBe(404);
    expect((await h.get(messagesOf('no-such-chat'))).status).toBe(404);
  });

  it('refuses a missing or empty content naming the field, and a too long one when a limit is set', async () => {
    const h = metroHarness(0);
    const chatId = chatWithUnseenBuyerMessage(h);
    const missing = await h.post(messagesOf(chatId), {});
    const empty = await h.post(messagesOf(chatId), { content: '  ' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual({ content: [expect.stringContaining('required')] });
    expect(empty.status).toBe(422);
    h.metro.configure({ maxContentLength: 5 });
    const long = await h.post(messagesOf(chatId), { content: '123456' });
    expect(long.status).toBe(422);
    expect(long.body.message).toMatch(/limit is 5/);
  });
});

describe('Metro seen flags', () => {
  it('a buyer message makes the chat unseen: isSeen false, count up, listed by /chats/unseen and isSeen=0', async () => {
    const h = metroHarness(0);
    const chatId = chatWithUnseenBuyerMessage(h);
    const chat = (await h.get('/openapi/v1/chats', [['filters[chatId]', chatId]])).body.data[0];
    expect(chat.isSeen).toBe(false);
    expect(chat.unseenMessagesCount).toBe(2);
    expect(chat.status).toBe('WAITING_FOR_SELLER');
    expect(await unseenIds(h)).toEqual([chatId]);
    const unseen = await h.get('/openapi/v1/chats', [['filters[isSeen]', '0']]);
    expect(unseen.body.data.map((c: { id: string }) => c.id)).toEqual([chatId]);
  });

  it('listing messages marks the BUYER messages seen and clears the unseen state', async () => {
    const h = metroHarness(0);
    const chatId = chatWithUnseenBuyerMessage(h);
    h.ctx.advance(5 * 60_000);
    const list = await h.get(messagesOf(chatId));
    const buyerMessages = list.body.data.filter(
      (m: { senderUserType: string }) => m.senderUserType === 'BUYER',
    );
    expect(buyerMessages.map((m: { seenAt: string }) => m.seenAt)).toEqual([
      '2025-09-09T12:05:00+00:00',
      '2025-09-09T12:05:00+00:00',
    ]);
    const chat = (await h.get('/openapi/v1/chats', [['filters[chatId]', chatId]])).body.data[0];
    expect(chat).toMatchObject({ isSeen: true, unseenMessagesCount: 0, status: 'WAITING_FOR_SELLER' });
    expect(await unseenIds(h)).toEqual([]);
  });

  it('sending a message marks the BUYER messages seen too', async () => {
    const h = metroHarness(0);
    const chatId = chatWithUnseenBuyerMessage(h);
    await h.post(messagesOf(chatId), { content: 'On it' });
    expect(await unseenIds(h)).toEqual([]);
    const history = h.metro.thread(chatId) ?? [];
    expect(history.map((m) => m.from)).toEqual(['buyer', 'buyer', 'seller']);
  });

  it('fetching one message does not mark anything seen', async () => {
    const h = metroHarness(0);
    const chatId = chatWithUnseenBuyerMessage(h);
    const messageId = h.metro.thread(chatId)?.[0]?.id as string;
    const one = await h.get(`${messagesOf(chatId)}/${messageId}`);
    expect(one.body.data.seenAt).toBeNull();
    expect(await unseenIds(h)).toEqual([chatId]);
  });

  it('the seller’s own unread messages never make a chat unseen; a buyer reply marks them seen', async () => {
    const h = metroHarness(0);
    const chatId = chatWithUnseenBuyerMessage(h);
    await h.post(messagesOf(chatId), { content: 'Seller text' });
    expect(await unseenIds(h)).toEqual([]);
    h.ctx.advance(60_000);
    h.metro.buyerWrite(chatId, 'Thanks');
    const messages = (await h.get(`${messagesOf(chatId)}`)).body.data;
    expect(messages[2]).toMatchObject({ senderUserType: 'SELLER', seenAt: '2025-09-09T12:01:00+00:00' });
  });

  it('the unseen endpoint has data {chats, count} and no metadata key', async () => {
    const h = metroHarness(16);
    const res = await h.get('/openapi/v1/chats/unseen');
    expect(Object.keys(res.body)).toEqual(['status', 'message', 'data']);
    expect(res.body.data.count).toBeGreaterThan(0);
    expect(res.body.message).toBe(
      `[${res.body.data.count}] chats with unseen messages have been fetched successfully`,
    );
    for (const chat of res.body.data.chats) {
      expect(chat.isSeen).toBe(false);
      expect(chat.unseenMessagesCount).toBeGreaterThan(0);
    }
  });
});
