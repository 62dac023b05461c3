import { describe, expect, it } from 'vitest';
import { yandexHarness } from './test-support.js';

describe('Yandex POST chats/new (createChat)', () => {
  it('opens a NEW chat for an order and returns the same chatId for the same context', async () => {
    const h = yandexHarness();
    const order = h.module.openOrders()[0]!;
    const first = await h.send({
      path: '/chats/new',
      body: { context: { type: 'ORDER', id: order.orderId } },
    });
    expect(first.status).toBe(200);
    const chatId = first.json.result.chatId;
    expect(chatId).toEqual(expect.any(Number));
    const again = await h.send({
      path: '/chats/new',
      body: { context: { type: 'ORDER', id: order.orderId } },
    });
    expect(again.json.result.chatId).toBe(chatId);
    const legacy = await h.send({ path: '/chats/new', body: { orderId: order.orderId } });
    expect(legacy.json.result.chatId).toBe(chatId);
    const info = await h.send({ method: 'GET', path: '/chat', query: { chatId } });
    expect(info.json.result).toMatchObject({
      status: 'NEW',
      type: 'CHAT',
      context: { type: 'ORDER', orderId: order.orderId },
    });
    expect(info.json.result.updatedAt).toBe(info.json.result.createdAt);
  });

  it('opens a RETURN chat carrying orderId and returnId', async () => {
    const h = yandexHarness();
    const order = h.module.openOrders().find((o) => o.returnId !== undefined)!;
    const res = await h.send({
      path: '/chats/new',
      body: { context: { type: 'RETURN', id: order.returnId } },
    });
    const info = await h.send({ method: 'GET', path: '/chat', query: { chatId: res.json.result.chatId } });
    expect(info.json.result.context).toMatchObject({
      type: 'RETURN',
      orderId: order.orderId,
      returnId: order.returnId,
    });
  });

  it('refuses DIRECT (only buyers start those) and missing context with 400, unknown orders with 404', async () => {
    const h = yandexHarness();
    const direct = await h.send({ path: '/chats/new', body: { context: { type: 'DIRECT', id: 5 } } });
    expect(direct.status).toBe(400);
    expect(direct.json.errors[0].message).toContain('DIRECT');
    expect((await h.send({ path: '/chats/new', body: {} })).status).toBe(400);
    expect((await h.send({ path: '/chats/new', body: { context: { type: 'ORDER', id: 123 } } })).status).toBe(
      404,
    );
  });

  it('sends no push for a chat the seller opened (the seller knows about it)', async () => {
    const h = yandexHarness();
    const order = h.module.openOrders()[0]!;
    await h.send({ path: '/chats/new', body: { context: { type: 'ORDER', id: order.orderId } } });
    expect(h.pushes).toEqual([]);
  });
});
