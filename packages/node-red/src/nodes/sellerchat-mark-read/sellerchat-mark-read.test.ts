import type { MarketplaceId } from '@sellerchat/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caughtError, loadAction } from '../../../test/support/action-flow.js';
import { type CountingServer, startCountingServer } from '../../../test/support/counting-server.js';
import { helper, nextMessage } from '../../../test/support/node-red.js';
import { openSandbox, type RunningSandbox, writableChat } from '../../../test/support/sandbox.js';

let sb: RunningSandbox;
let counting: CountingServer;

beforeAll(async () => {
  sb = await openSandbox();
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

async function unseenChats(marketplace: MarketplaceId): Promise<string[]> {
  await helper.unload();
  await loadAction(sb, marketplace, { type: 'sellerchat-list', what: 'unseen' });
  const msg = await run({});
  return (msg.payload as Array<{ id: string }>).map((c) => c.id);
}

describe('sellerchat-mark-read', () => {
  it('ozon: marks up to the message in msg.sellerchat.reply; the chat leaves the unread list', async () => {
    const chatId = writableChat(sb, 'ozon');
    const { messageId } = sb.control.buyerWrite('ozon', { chatId, text: 'Hello?' });
    expect(await unseenChats('ozon')).toContain(chatId);
    await helper.unload();
    await loadAction(sb, 'ozon', { type: 'sellerchat-mark-read' });
    const msg = await run({
      payload: 'Hello?',
      sellerchat: { reply: { marketplace: 'ozon', chatId, messageId } },
    });
    expect((msg.sellerchat as { markedRead: object }).markedRead).toMatchObject({
      upToMessageId: messageId,
      unreadCount: 0,
    });
    expect(await unseenChats('ozon')).not.toContain(chatId);
  });

  it('metro: reading the chat marks it seen (Metro has no other way)', async () => {
    const chatId = writableChat(sb, 'metro');
    sb.control.buyerWrite('metro', { chatId, text: 'Where is my parcel?' });
    expect(await unseenChats('metro')).toContain(chatId);
    await helper.unload();
    await loadAction(sb, 'metro', { type: 'sellerchat-mark-read', chat: chatId });
    await run({});
    expect(await unseenChats('metro')).not.toContain(chatId);
  });

  for (const marketplace of ['yandex', 'storeden'] as const) {
    it(`${marketplace}: NotSupported reaches Catch before any request`, async () => {
      await loadAction(
        sb,
        marketplace,
        { type: 'sellerchat-mark-read', chat: '1' },
        { baseUrl: counting.url },
      );
      const error = caughtError(await run({}, 'caught'));
      expect(error).toMatchObject({ kind: 'not_supported', marketplace, operation: 'markRead' });
      expect(counting.requests).toBe(0);
    });
  }
});
