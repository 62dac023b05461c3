import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caughtError, loadAction } from '../../../test/support/action-flow.js';
import { type CountingServer, startCountingServer } from '../../../test/support/counting-server.js';
import { helper, nextMessage } from '../../../test/support/node-red.js';
import {
  MARKETPLACE_LIST,
  openSandbox,
  type RunningSandbox,
  writableChat,
} from '../../../test/support/sandbox.js';

let sb: RunningSandbox;
let counting: CountingServer;

beforeAll(async () => {
  sb = await openSandbox(5);
  counting = await startCountingServer();
  await helper.startServer();
});
afterEach(async () => {
  await helper.unload();
});
afterAll(async () => {
  await helper.stopServer();
  await counting.close();
  await sb.close();
});

async function run(msg: Record<string, unknown>, sink = 'out') {
  const next = nextMessage(sink);
  helper.getNode('node').receive(msg);
  return next;
}

type Listed = { list: { what: string; count: number; next?: string } };

describe('sellerchat-list', () => {
  for (const marketplace of MARKETPLACE_LIST) {
    it(`${marketplace}: every chat across pages, ids as strings`, async () => {
      await loadAction(sb, marketplace, { type: 'sellerchat-list', what: 'chats', all: true });
      const msg = await run({});
      const chats = msg.payload as Array<{ id: unknown; marketplace: string }>;
      const expected = sb.control.threads(marketplace).map((t) => t.chatId);
      expect(chats.map((c) => c.id).sort()).toEqual([...expected].sort());
      expect(chats.every((c) => typeof c.id === 'string' && c.marketplace === marketplace)).toBe(true);
      expect((msg.sellerchat as Listed).list).toMatchObject({ what: 'chats', count: expected.length });
    });

    it(`${marketplace}: one chat's messages, oldest first, ending with the newest`, async () => {
      const chatId = writableChat(sb, marketplace);
      const text = `latest in ${marketplace}`;
      sb.control.buyerWrite(marketplace, { chatId, text });
      await loadAction(sb, marketplace, { type: 'sellerchat-list', what: 'messages', all: true });
      const msg = await run({ chatId });
      const messages = msg.payload as Array<{ text: string; createdAt: string; chatId: string }>;
      expect(messages.at(-1)?.text).toBe(text);
      expect(messages.every((m) => m.chatId === chatId)).toBe(true);
      const times = messages.map((m) => Date.parse(m.createdAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect((msg.sellerchat as { reply: object }).reply).toEqual({ marketplace, chatId });
    });
  }

  it('yandex: one page at a time with msg.cursor, no chat twice', async () => {
    await loadAction(sb, 'yandex', { type: 'sellerchat-list', what: 'chats', limit: 2 });
    const first = await run({});
    const next = (first.sellerchat as Listed).list.next;
    expect((first.payload as unknown[]).length).toBe(2);
    expect(typeof next).toBe('string');
    const second = await run({ cursor: next });
    const ids = [
      ...(first.payload as Array<{ id: string }>),
      ...(second.payload as Array<{ id: string }>),
    ].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const marketplace of ['metro', 'ozon'] as const) {
    it(`${marketplace}: unseen lists the chat a buyer just wrote in`, async () => {
      const chatId = writableChat(sb, marketplace);
      sb.control.buyerWrite(marketplace, { chatId, text: 'unseen?' });
      await loadAction(sb, marketplace, { type: 'sellerchat-list', what: 'unseen' });
      const msg = await run({});
      expect((msg.payload as Array<{ id: string }>).map((c) => c.id)).toContain(chatId);
    });
  }

  for (const marketplace of ['yandex', 'storeden'] as const) {
    it(`${marketplace}: unseen is NotSupported, before any request`, async () => {
      await loadAction(
        sb,
        marketplace,
        { type: 'sellerchat-list', what: 'unseen' },
        { baseUrl: counting.url },
      );
      expect(caughtError(await run({}, 'caught'))).toMatchObject({
        kind: 'not_supported',
        operation: 'listUnseen',
      });
      expect(counting.requests).toBe(0);
    });
  }

  it('yandex: statuses from the node, then from msg.statuses, return only chats in them', async () => {
    await loadAction(sb, 'yandex', { type: 'sellerchat-list', what: 'chats', all: true });
    const every = (await run({})).payload as Array<{ id: string; status: string }>;
    const statuses = [...new Set(every.map((c) => c.status))].filter((s) => s !== 'other');
    expect(statuses.length, 'two statuses among the seeded chats').toBeGreaterThan(1);
    const [first, second] = statuses as [string, string];
    const idsIn = (status: string) =>
      every
        .filter((c) => c.status === status)
        .map((c) => c.id)
        .sort();
    await helper.unload();
    await loadAction(sb, 'yandex', { type: 'sellerchat-list', what: 'chats', all: true, statuses: [first] });
    const byNode = (await run({})).payload as Array<{ id: string }>;
    expect(byNode.map((c) => c.id).sort()).toEqual(idsIn(first));
    const byMsg = (await run({ statuses: second })).payload as Array<{ id: string }>;
    expect(byMsg.map((c) => c.id).sort()).toEqual(idsIn(second));
  });

  it('metro: msg.orderId lists that order’s chat only', async () => {
    const order = sb.control.threads('metro').find((t) => t.context?.orderId !== undefined)!;
    await loadAction(sb, 'metro', { type: 'sellerchat-list', what: 'chats', all: true });
    const chats = (await run({ orderId: order.context!.orderId })).payload as Array<{ id: string }>;
    expect(chats.map((c) => c.id)).toEqual([order.chatId]);
  });

  it('ozon: an order filter is refused before any request, naming the field and the marketplace', async () => {
    await loadAction(sb, 'ozon', { type: 'sellerchat-list', what: 'chats' }, { baseUrl: counting.url });
    expect(caughtError(await run({ orderId: '123' }, 'caught'))).toMatchObject({
      kind: 'validation',
      field: 'orderId',
      marketplace: 'ozon',
    });
    expect(counting.requests).toBe(0);
  });

  it('a page size that is not a whole number is refused naming the field', async () => {
    await loadAction(
      sb,
      'ozon',
      { type: 'sellerchat-list', what: 'chats', limit: 'ten' },
      { baseUrl: counting.url },
    );
    expect(caughtError(await run({}, 'caught'))).toMatchObject({
      kind: 'validation',
      field: 'limit',
      marketplace: 'ozon',
    });
    expect(counting.requests).toBe(0);
  });
});
