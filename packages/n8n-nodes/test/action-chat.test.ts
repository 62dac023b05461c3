import { MARKETPLACES, type MarketplaceId } from '@sellerchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './harness/engine.js';
import { startRecordingServer } from './support/recording-server.js';
import { CREDENTIAL_TYPE, type Sandbox, sandboxCredentials, startTestSandbox } from './support/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox(8);
});
afterAll(async () => {
  await sandbox.close();
});

function run(marketplace: MarketplaceId, parameters: Record<string, unknown>, input = [{ json: {} }]) {
  return runNode(
    {
      parameters: { marketplace, resource: 'chat', ...parameters },
      credentials: sandboxCredentials(sandbox, marketplace),
    },
    input,
  );
}

describe('Chat → Get Many', () => {
  it.each(MARKETPLACES)(
    '%s: every chat with return all, the normalised model with raw kept',
    async (marketplace) => {
      const { items, error } = await run(marketplace, { operation: 'getAll', returnAll: true });
      expect(error).toBeUndefined();
      const ids = sandbox.control.threads(marketplace).map((t) => t.chatId);
      expect(items!.map((i) => i.json.id).sort()).toEqual([...ids].sort());
      for (const item of items!) {
        expect(item.json).toMatchObject({ marketplace, id: expect.any(String), kind: expect.any(String) });
        expect(item.json.raw).toBeTypeOf('object');
        expect(item.pairedItem).toEqual({ item: 0 });
      }
    },
  );

  it.each(MARKETPLACES)('%s: stops at the limit', async (marketplace) => {
    const { items } = await run(marketplace, { operation: 'getAll', returnAll: false, limit: 3 });
    expect(items).toHaveLength(3);
  });

  it('filters Metro chats by order ID', async () => {
    const thread = sandbox.control.threads('metro')[2]!;
    const { items } = await run('metro', {
      operation: 'getAll',
      returnAll: true,
      filters: { orderId: thread.context!.orderId },
    });
    expect(items!.map((i) => i.json.id)).toEqual([thread.chatId]);
  });

  it('filters Ozon chats to those with unread messages', async () => {
    const { items } = await run('ozon', {
      operation: 'getAll',
      returnAll: true,
      filters: { unreadOnly: true },
    });
    expect(items!.length).toBeGreaterThan(0);
    for (const item of items!) expect(item.json.unreadCount).toBeGreaterThan(0);
  });

  it('pairs each output with the input item it came from', async () => {
    const { items } = await run('storeden', { operation: 'getAll', returnAll: false, limit: 2 }, [
      { json: {} },
      { json: {} },
    ]);
    expect(items!.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
  });
});

describe('Chat → Get', () => {
  it.each(MARKETPLACES)('%s: one chat by ID', async (marketplace) => {
    const chatId = sandbox.control.threads(marketplace)[1]!.chatId;
    const { items, error } = await run(marketplace, { operation: 'get', chatId: ` ${chatId} ` });
    expect(error).toBeUndefined();
    expect(items).toHaveLength(1);
    expect(items![0]!.json).toMatchObject({ marketplace, id: chatId });
  });
});

describe('Chat → Start', () => {
  it('Metro: starts a chat for a free order with a leaf category', async () => {
    const free = sandbox.metroOrders().find((o) => o.chatId === undefined)!;
    const categories = await run('metro', { resource: 'metro', operation: 'getCategories', language: 'en' });
    const leaf = categories
      .items!.flatMap((i) => (i.json.children as Array<{ id: number; children?: unknown[] }>) ?? [])
      .find((c) => !c.children || c.children.length === 0)!;
    const { items, error } = await run('metro', {
      operation: 'start',
      orderId: free.orderId,
      categoryId: String(leaf.id),
    });
    expect(error).toBeUndefined();
    expect(items![0]!.json).toMatchObject({
      marketplace: 'metro',
      kind: 'order',
      context: { orderId: free.orderId },
    });
    expect(sandbox.metroOrders().find((o) => o.orderId === free.orderId)!.chatId).toBe(items![0]!.json.id);
  });

  it('Yandex: starts a chat for an order', async () => {
    const orderIds = sandbox.control
      .threads('yandex')
      .map((t) => Number(t.context?.orderId))
      .filter((n) => Number.isFinite(n));
    // The sandbox seeds spare orders 11 apart after the ones with chats.
    const spare = String(Math.max(...orderIds) + 11);
    const { items, error } = await run('yandex', { operation: 'start', startFor: 'order', orderId: spare });
    expect(error).toBeUndefined();
    expect(items![0]!.json).toMatchObject({
      marketplace: 'yandex',
      kind: 'order',
      context: { orderId: spare },
    });
  });

  it('Ozon: starts a chat by posting number', async () => {
    const thread = sandbox.control.threads('ozon').find((t) => t.context?.scheme === 'FBS')!;
    const { items, error } = await run('ozon', {
      operation: 'start',
      postingNumber: thread.context!.postingNumber,
    });
    expect(error).toBeUndefined();
    expect(items![0]!.json).toMatchObject({
      id: thread.chatId,
      context: { postingNumber: thread.context!.postingNumber },
    });
  });
});

describe('Chat → Mark as Read and Get Unseen', () => {
  it('Ozon: marks read up to a message and the chat leaves the unseen list', async () => {
    const unseen = await run('ozon', { operation: 'getUnseen' });
    expect(unseen.items!.length).toBeGreaterThan(0);
    const chatId = String(unseen.items![0]!.json.id);
    const { items, error } = await run('ozon', { operation: 'markRead', chatId });
    expect(error).toBeUndefined();
    expect(items![0]!.json).toMatchObject({ chatId, marked: true, unreadCount: 0 });
    const after = await run('ozon', { operation: 'getUnseen' });
    expect(after.items!.map((i) => i.json.id)).not.toContain(chatId);
  });

  it('Metro: lists unseen chats; marking one read (by reading it) removes it', async () => {
    const unseen = await run('metro', { operation: 'getUnseen' });
    expect(unseen.items!.length).toBeGreaterThan(0);
    const chatId = String(unseen.items![0]!.json.id);
    const { error } = await run('metro', { operation: 'markRead', chatId });
    expect(error).toBeUndefined();
    const after = await run('metro', { operation: 'getUnseen' });
    expect(after.items!.map((i) => i.json.id)).not.toContain(chatId);
  });
});

describe('operations a marketplace cannot do', () => {
  it.each([
    ['storeden', 'chat', 'start'],
    ['storeden', 'chat', 'markRead'],
    ['yandex', 'chat', 'markRead'],
    ['storeden', 'file', 'send'],
    ['ozon', 'message', 'get'],
    ['yandex', 'metro', 'getCategories'],
  ] as Array<[MarketplaceId, string, string]>)(
    '%s %s → %s is refused before any request',
    async (marketplace, resource, operation) => {
      const server = await startRecordingServer();
      try {
        const credentials = sandboxCredentials(sandbox, marketplace, { baseUrl: server.url });
        const { error } = await runNode({
          parameters: {
            marketplace,
            resource,
            operation,
            chatId: '1',
            orderId: '1',
            binaryPropertyName: 'data',
          },
          credentials,
        });
        expect(error?.message).toMatch(/does not support/);
        expect(server.hits).toEqual([]);
        expect(Object.keys(credentials)).toEqual([CREDENTIAL_TYPE[marketplace]]);
      } finally {
        await server.close();
      }
    },
  );
});
