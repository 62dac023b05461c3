import { describe, expect, it } from 'vitest';
import { type Harness, metroHarness } from './testing/harness.js';

const HOUR = 3_600_000;

async function statusOf(h: Harness, chatId: string): Promise<string> {
  const res = await h.get('/openapi/v1/chats', [['filters[chatId]', chatId]]);
  return res.body.data[0].status;
}

describe('Metro chat statuses', () => {
  it('goes DRAFT -> WAITING_FOR_BUYER -> WAITING_FOR_SELLER -> OVER_SLA after 48 h, and back on a reply', async () => {
    const h = metroHarness(0);
    h.metro.seed(0);
    const orderId = h.metro.orders()[0]?.orderId as string;
    const created = await h.post(`/openapi/v1/orders/${orderId}/chats`, { categoryId: 212 });
    const chatId = created.body.data.id;
    expect(await statusOf(h, chatId)).toBe('DRAFT');

    await h.post(`/openapi/v1/chats/${chatId}/messages`, { content: 'Your order is confirmed.' });
    expect(await statusOf(h, chatId)).toBe('WAITING_FOR_BUYER');

    h.ctx.advance(HOUR);
    h.metro.buyerWrite(chatId, 'Can you ship faster?');
    expect(await statusOf(h, chatId)).toBe('WAITING_FOR_SELLER');

    h.ctx.advance(47 * HOUR);
    h.metro.buyerWrite(chatId, 'Hello?');
    expect(await statusOf(h, chatId)).toBe('WAITING_FOR_SELLER');
    // The SLA runs from the first unanswered buyer message, not the latest one.
    h.ctx.advance(HOUR + 1000);
    expect(await statusOf(h, chatId)).toBe('OVER_SLA');
    expect(h.metro.listThreads().find((t) => t.chatId === chatId)?.status).toBe('OVER_SLA');

    await h.post(`/openapi/v1/chats/${chatId}/messages`, { content: 'Sorry for the wait.' });
    expect(await statusOf(h, chatId)).toBe('WAITING_FOR_BUYER');
  });

  it('is not OVER_SLA at exactly 48 h, only after', async () => {
    const h = metroHarness(0);
    const { chatId } = h.metro.buyerOpenChat({ text: 'Hi' });
    h.ctx.advance(48 * HOUR);
    expect(await statusOf(h, chatId)).toBe('WAITING_FOR_SELLER');
    h.ctx.advance(1000);
    expect(await statusOf(h, chatId)).toBe('OVER_SLA');
  });

  it('ages seeded chats when the clock moves: waiting chats become OVER_SLA', async () => {
    const h = metroHarness(40);
    const count = async (status: string) =>
      (await h.get('/openapi/v1/chats', [['filters[statuses][]', status]])).body.metadata.total as number;
    const waiting = await count('WAITING_FOR_SELLER');
    const over = await count('OVER_SLA');
    expect(waiting).toBeGreaterThan(0);
    expect(over).toBeGreaterThan(0);
    h.ctx.advance(49 * HOUR);
    expect(await count('WAITING_FOR_SELLER')).toBe(0);
    expect(await count('OVER_SLA')).toBe(waiting + over);
  });
});
