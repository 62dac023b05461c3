import { describe, expect, it } from 'vitest';
import { metroHarness } from './testing/harness.js';

/** A seeded order that has no chat yet. */
function freeOrder(h: ReturnType<typeof metroHarness>): string {
  const order = h.metro.orders().find((o) => o.chatId === undefined);
  if (!order) throw new Error('no free order in the seed');
  return order.orderId;
}

const chatsOf = (orderId: string) => `/openapi/v1/orders/${orderId}/chats`;

describe('POST /openapi/v1/orders/{orderId}/chats', () => {
  it('creates a DRAFT chat from a leaf category, 201, in the requested language', async () => {
    const h = metroHarness(2);
    const orderId = freeOrder(h);
    const res = await h.post(chatsOf(orderId), { categoryId: 211 }, { 'accept-language': 'de' });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe(`Chat [${res.body.data.id}] has been created successfully`);
    expect(res.body.metadata).toEqual([]);
    const chat = res.body.data;
    expect(chat.status).toBe('DRAFT');
    expect(chat.subject).toBe('SELLER.ORDERS.ORDER_STATUS');
    expect(chat.customSubject).toBeNull();
    expect(chat.category).toEqual({
      id: 211,
      locale: 'de',
      name: 'Bestellstatus',
      parent: { id: 210, name: 'Bestellung' },
    });
    expect(chat.order.id).toBe(orderId);
    expect(chat.isSeen).toBe(true);
    expect(chat.unseenMessagesCount).toBe(0);
    expect(chat.createdAt).toBe('2025-09-09T12:00:00+00:00');
    expect(chat.lastMessageAt).toBe(chat.createdAt);
    expect(chat.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a category with children and an unknown category, naming categoryId', async () => {
    const h = metroHarness(2);
    const orderId = freeOrder(h);
    const parent = await h.post(chatsOf(orderId), { categoryId: 210 });
    const unknown = await h.post(chatsOf(orderId), { categoryId: 999 });
    expect(parent.status).toBe(422);
    expect(parent.body.errors.categoryId[0]).toMatch(/only leaf categories/);
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/categoryId/);
  });

  it('lets categoryId win over the legacy subject when both are sent (seed example request)', async () => {
    const h = metroHarness(2);
    const res = await h.post(chatsOf(freeOrder(h)), {
      subject: 'OTHERS',
      customSubject: 'Invoice correction request',
      categoryId: 242,
    });
    expect(res.status).toBe(201);
    expect(res.body.data.category.id).toBe(242);
    expect(res.body.data.subject).toBe('SELLER.RETURNS.REFUND');
    expect(res.body.data.customSubject).toBeNull();
  });

  it('takes a legacy SELLER leaf subject and requires customSubject when the subject is custom', async () => {
    const h = metroHarness(2);
    const orderId = freeOrder(h);
    const noCustom = await h.post(chatsOf(orderId), { subject: 'OTHERS' });
    expect(noCustom.status).toBe(422);
    expect(Object.keys(noCustom.body.errors)).toEqual(['customSubject']);
    const custom = await h.post(chatsOf(orderId), { subject: 'OTHERS', customSubject: 'Pallet size' });
    expect(custom.status).toBe(201);
    expect(custom.body.data.subject).toBe('SELLER.OTHERS');
    expect(custom.body.data.customSubject).toBe('Pallet size');
    expect(custom.body.data.category.id).toBe(290);

    const other = freeOrder(h);
    const leaf = await h.post(chatsOf(other), { subject: 'INVOICE_INSTRUCTIONS' });
    expect(leaf.status).toBe(201);
    expect(leaf.body.data.subject).toBe('SELLER.INVOICES.INVOICE_INSTRUCTIONS');
    expect(leaf.body.data.category.id).toBe(231);
  });

  it('refuses a subject group, a BUYER subject and an empty body', async () => {
    const h = metroHarness(2);
    const orderId = freeOrder(h);
    const group = await h.post(chatsOf(orderId), { subject: 'INVOICES' });
    const buyer = await h.post(chatsOf(orderId), { subject: 'INVOICE_NOT_UPLOADED' });
    const none = await h.post(chatsOf(orderId), {});
    expect(group.body.errors.subject[0]).toMatch(/only leaf subjects/);
    expect(buyer.body.errors.subject[0]).toMatch(/BUYER subject/);
    expect(none.status).toBe(422);
    expect(none.body.errors.categoryId[0]).toMatch(/is required/);
  });

  it('allows one chat per order: the second create is 409 and names the existing chat', async () => {
    const h = metroHarness(2);
    const orderId = freeOrder(h);
    const first = await h.post(chatsOf(orderId), { categoryId: 211 });
    const second = await h.post(chatsOf(orderId), { categoryId: 212 });
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ status: 'error', message: expect.stringContaining(first.body.data.id) });
    const seeded = h.metro.orders().find((o) => o.chatId !== undefined);
    expect((await h.post(chatsOf(seeded?.orderId ?? ''), { categoryId: 211 })).status).toBe(409);
  });

  it('answers 404 for an unknown order and 400 for a body that is not JSON', async () => {
    const h = metroHarness(2);
    const unknown = await h.post(chatsOf('00000000-0000-4000-8000-000000000000'), { categoryId: 211 });
    const broken = await h.call({
      method: 'POST',
      path: chatsOf(freeOrder(h)),
      body: Buffer.from('{"categoryId":'),
      headers: { 'content-type': 'application/json' },
    });
    expect(unknown.status).toBe(404);
    expect(broken.status).toBe(400);
  });
});
