import { describe, expect, it } from 'vitest';
import { createFakeContext } from '../../../test/contract/fake-context.js';
import { createYandexModule } from './index.js';
import { yandexHarness } from './test-support.js';

describe('Yandex seed', () => {
  it('creates exactly `count` chats covering every context type, chat type, status and sender', async () => {
    const h = yandexHarness(8);
    const res = await h.send({ path: '/chats', query: { limit: 20 }, body: {} });
    const chats = res.json.result.chats as Array<{
      chatId: number;
      type: string;
      status: string;
      context: { type: string };
    }>;
    expect(chats).toHaveLength(8);
    expect(new Set(chats.map((c) => c.context.type))).toEqual(new Set(['ORDER', 'RETURN', 'DIRECT']));
    expect(new Set(chats.map((c) => c.type))).toEqual(new Set(['CHAT', 'ARBITRAGE']));
    expect(new Set(chats.map((c) => c.status))).toEqual(
      new Set([
        'NEW',
        'WAITING_FOR_CUSTOMER',
        'WAITING_FOR_PARTNER',
        'WAITING_FOR_ARBITER',
        'WAITING_FOR_MARKET',
        'FINISHED',
      ]),
    );
    const senders = new Set<string>();
    let payloads = 0;
    for (const chat of chats) {
      const history = await h.send({ path: '/chats/history', query: { chatId: chat.chatId }, body: {} });
      for (const message of history.json.result.messages) {
        senders.add(message.sender);
        if (message.payload) payloads += 1;
      }
    }
    expect(senders).toEqual(new Set(['CUSTOMER', 'PARTNER', 'MARKET', 'SUPPORT']));
    expect(payloads).toBeGreaterThanOrEqual(2);
    expect(h.module.openOrders().length).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic for one seed and clock', () => {
    const a = createYandexModule(createFakeContext().ctx);
    const b = createYandexModule(createFakeContext().ctx);
    a.seed(10);
    b.seed(10);
    expect(a.listThreads()).toEqual(b.listThreads());
    const id = a.listThreads()[3]!.chatId;
    expect(a.thread(id)).toEqual(b.thread(id));
  });

  it('seed replaces earlier data; reset empties everything and restores settings', () => {
    const h = yandexHarness(3);
    h.module.seed(5);
    expect(h.module.listThreads()).toHaveLength(5);
    h.module.configure({ parallelLimit: 1 });
    h.module.reset();
    expect(h.module.listThreads()).toEqual([]);
    expect(h.module.settings().parallelLimit).toBe(4);
  });
});
