import { MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { PollDriver } from './harness/poll-driver.js';
import { type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox(5);
});
afterAll(async () => {
  await sandbox.close();
});

function driver(marketplace: MarketplaceId, parameters: IDataObject = {}, saved?: string) {
  return new PollDriver(
    { marketplace, event: 'messages', ...parameters },
    sandboxCredentials(sandbox, marketplace),
    saved,
  );
}

function texts(result: Awaited<ReturnType<PollDriver['poll']>>['result']): string[] {
  return (result?.[0] ?? []).map((item) => String((item.json.message as IDataObject | undefined)?.text));
}

/** A chat the buyer can write in (Ozon: a buyer chat, not support). */
function buyerChat(marketplace: MarketplaceId, index = 0): string {
  const threads = sandbox.control
    .threads(marketplace)
    .filter((t) => t.context?.chatType === undefined || t.context.chatType === 'Buyer_Seller');
  return threads[index]!.chatId;
}

describe('SellerChat Trigger (polling) in a real PollContext', () => {
  it.each(MARKETPLACES)(
    '%s: starts from now, then emits each new buyer message once',
    async (marketplace) => {
      const poller = driver(marketplace);
      expect((await poller.poll()).result).toBeNull();
      expect(poller.state()).toBeDefined();
      const chatId = buyerChat(marketplace);
      sandbox.control.buyerWrite(marketplace, { chatId, text: `where is my order? (${marketplace})` });
      const first = await poller.poll();
      expect(texts(first.result)).toEqual([`where is my order? (${marketplace})`]);
      const item = first.result![0]![0]!.json;
      expect(item).toMatchObject({
        type: 'message.received',
        marketplace,
        id: expect.stringContaining(chatId),
        reply: { marketplace, chatId },
        message: { sender: 'buyer', chatId },
      });
      expect((await poller.poll()).result).toBeNull();
    },
  );

  it('keeps its position across a restart: no duplicate, no gap', async () => {
    const before = driver('yandex');
    await before.poll();
    const chatId = buyerChat('yandex', 1);
    sandbox.control.buyerWrite('yandex', { chatId, text: 'one' });
    expect(texts((await before.poll()).result)).toEqual(['one']);
    // n8n restarts (or another main instance takes over): only the saved static data survives.
    sandbox.control.buyerWrite('yandex', { chatId, text: 'two' });
    const after = driver('yandex', {}, before.saved);
    expect(texts((await after.poll()).result)).toEqual(['two']);
    expect((await after.poll()).result).toBeNull();
  });

  it('a failed poll logs, keeps the position, and the next poll catches up', async () => {
    const poller = driver('ozon');
    await poller.poll();
    const saved = poller.saved;
    const chatId = buyerChat('ozon');
    sandbox.control.addFault({ marketplace: 'ozon', kind: 'status', status: 503 });
    try {
      sandbox.control.buyerWrite('ozon', { chatId, text: 'during the outage' });
      const failed = await poller.poll();
      expect(failed.result).toBeNull();
      expect(failed.errors.join('\n')).toMatch(/poll failed/);
      expect(poller.saved).toBe(saved);
    } finally {
      sandbox.control.clearFaults();
    }
    expect(texts((await poller.poll()).result)).toEqual(['during the outage']);
  });

  it('manual mode returns one real sample and does not move the position', async () => {
    const poller = driver('metro');
    await poller.poll();
    const saved = poller.saved;
    const sample = await poller.poll('manual');
    expect(sample.result?.[0]).toHaveLength(1);
    expect(sample.result![0]![0]!.json).toMatchObject({
      type: 'message.received',
      message: { sender: 'buyer' },
    });
    expect(poller.saved).toBe(saved);
  });

  it('manual mode throws when the marketplace refuses', async () => {
    const poller = new PollDriver(
      { marketplace: 'storeden', event: 'messages' },
      sandboxCredentials(sandbox, 'storeden', { exchange: 'wrong' }),
    );
    await expect(poller.poll('manual')).rejects.toThrow(/Storeden/);
  });

  it('in trigger mode, a refused poll logs and does not throw (the workflow stays active)', async () => {
    const poller = new PollDriver(
      { marketplace: 'storeden', event: 'messages' },
      sandboxCredentials(sandbox, 'storeden', { exchange: 'wrong' }),
    );
    const outcome = await poller.poll();
    expect(outcome.result).toBeNull();
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).not.toContain('wrong');
    expect(poller.saved).toBe('{}');
  });

  it('"include unread messages" emits what is unread at activation', async () => {
    const poller = driver('ozon', { firstRun: 'unread' });
    const first = await poller.poll();
    expect(first.result?.[0]?.length ?? 0).toBeGreaterThan(0);
    for (const item of first.result![0]!) expect((item.json.message as IDataObject).sender).toBe('buyer');
    expect((await poller.poll()).result).toBeNull();
  });

  it('new chat: a chat the buyer opens is emitted once', async () => {
    const poller = driver('yandex', { event: 'chats' });
    await poller.poll();
    const { chatId } = sandbox.control.buyerOpenChat('yandex', { text: 'Is this in stock?', name: 'Ivan' });
    const result = (await poller.poll()).result;
    expect(result?.[0]?.map((i) => i.json.type)).toEqual(['chat.created']);
    expect(result![0]![0]!.json.chat).toMatchObject({ id: chatId });
    expect((await poller.poll()).result).toBeNull();
  });

  it("only buyer messages by default; the seller's own when asked", async () => {
    const buyersOnly = driver('storeden');
    const withSeller = driver('storeden', { options: { includeSellerMessages: true } });
    await buyersOnly.poll();
    await withSeller.poll();
    const chatId = buyerChat('storeden', 2);
    sandbox.control.buyerWrite('storeden', { chatId, text: 'question' });
    // The seller answers through the API, as the SellerChat node would.
    await runNode({
      parameters: { marketplace: 'storeden', resource: 'message', operation: 'send', chatId, text: 'answer' },
      credentials: sandboxCredentials(sandbox, 'storeden'),
    });
    expect(texts((await buyersOnly.poll()).result)).toEqual(['question']);
    expect(texts((await withSeller.poll()).result)).toEqual(['question', 'answer']);
  });

  it('chat kinds: messages in chats of other kinds are not emitted', async () => {
    const ordersOnly = driver('yandex', { chatKinds: ['order'] });
    await ordersOnly.poll();
    const returnChat = sandbox.control.threads('yandex').find((t) => t.context?.contextType === 'RETURN')!;
    const orderChat = sandbox.control.threads('yandex').find((t) => t.context?.contextType === 'ORDER')!;
    sandbox.control.buyerWrite('yandex', { chatId: returnChat.chatId, text: 'about the return' });
    sandbox.control.buyerWrite('yandex', { chatId: orderChat.chatId, text: 'about the order' });
    expect(texts((await ordersOnly.poll()).result)).toEqual(['about the order']);
  });

  it('switching the account starts over instead of reusing a position that means nothing there', async () => {
    const yandex = driver('yandex');
    await yandex.poll();
    const moved = new PollDriver(
      { marketplace: 'ozon', event: 'messages' },
      sandboxCredentials(sandbox, 'ozon'),
      yandex.saved,
    );
    expect((await moved.poll()).result).toBeNull();
    expect(JSON.stringify(moved.state())).toContain('"marketplace":"ozon"');
  });
});
