import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MarketplaceClient } from '../marketplaces/client.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { poll } from './poll.js';
import { TestHost } from './testing/host.js';
import { buyerChats, openWatcherSandbox, type WatcherSandbox } from './testing/sandbox-harness.js';

let ws: WatcherSandbox;
beforeAll(async () => {
  ws = await openWatcherSandbox(12);
});
afterAll(async () => {
  await ws?.close();
});
beforeEach(() => {
  ws.sb.control.seed({ seed: 7, chats: 12 });
  ws.advance(60_000);
});

const MARKETPLACES: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];

/** Makes the seller have read (or, on Yandex, answered) everything in the chat so far. */
async function readOrAnswer(mp: MarketplaceId, client: MarketplaceClient, chatId: string): Promise<void> {
  if (mp === 'yandex') {
    await client.sendText(chatId, 'Thank you, we are on it.');
    return;
  }
  if (mp === 'ozon') {
    let last: string | undefined;
    for await (const m of client.iterateMessages(chatId)) last = m.id;
    await client.markRead(chatId, last);
    return;
  }
  // Metro and Storeden mark messages read when they are read.
  for await (const _ of client.iterateMessages(chatId)) {
    // reading is the point
  }
}

describe.each(MARKETPLACES)('%s: first run', (mp) => {
  it("'now' emits nothing of what exists, then exactly what comes after", async () => {
    const { client } = ws.client(mp);
    const [a] = buyerChats(ws, mp);
    ws.advance(1_000);
    ws.write(mp, a!, 'written before activation');
    const host = new TestHost(client, { firstRun: 'now' });
    expect(await host.poll()).toEqual([]);
    ws.advance(1_000);
    const after = ws.write(mp, a!, 'written after activation');
    const opened = ws.open(mp, 'a new chat after activation');
    await host.poll();
    expect(host.messages().sort()).toEqual([after, opened.messageId].sort());
    expect(host.chats()).toEqual([opened.chatId]);
  });

  it("'unread' emits the unread buyer messages once, not those read or answered before", async () => {
    const { client } = ws.client(mp);
    const [a, b] = buyerChats(ws, mp);
    ws.advance(1_000);
    const handled = ws.write(mp, b!, 'the seller dealt with this one');
    await readOrAnswer(mp, client, b!);
    ws.advance(1_000);
    const fresh = [ws.write(mp, a!, 'unread one'), ws.write(mp, a!, 'unread two')];
    const host = new TestHost(client, { firstRun: 'unread' });
    const events = await host.poll();
    const ids = host.messages();
    expect(ids).toEqual(expect.arrayContaining(fresh));
    expect(ids).not.toContain(handled);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of events) {
      expect(e.type).toBe('message.received');
      if (e.type === 'message.received') expect(e.message.sender).toBe('buyer');
    }
    expect(await host.poll()).toEqual([]);
    ws.advance(1_000);
    const later = ws.write(mp, b!, 'after activation');
    await host.poll();
    expect(host.messages()).toEqual([...ids, later]);
  });

  it('{ since } emits every buyer message from that time on, and the chats opened since', async () => {
    const { client } = ws.client(mp);
    const [a, b] = buyerChats(ws, mp);
    ws.advance(1_000);
    ws.write(mp, a!, 'before since');
    ws.advance(10_000);
    const since = new Date(ws.now() - 5_000).toISOString();
    const expected = [ws.write(mp, a!, 'after since'), ws.write(mp, b!, 'after since too')];
    const opened = ws.open(mp, 'opened after since');
    expected.push(opened.messageId);
    const first = await poll(client, undefined, { firstRun: { since } });
    expect(first.events.flatMap((e) => (e.type === 'message.received' ? [e.message.id] : [])).sort()).toEqual(
      [...expected].sort(),
    );
    expect(first.events.filter((e) => e.type === 'chat.created').map((e) => e.chat.id)).toEqual([
      opened.chatId,
    ]);
    const second = await poll(client, JSON.parse(JSON.stringify(first.state)), {});
    expect(second.events).toEqual([]);
  });
});

describe('which buyer messages count as unread', () => {
  const m = (id: string, sender: 'buyer' | 'seller', isRead?: boolean) => ({
    marketplace: 'yandex' as const,
    id,
    chatId: 'c',
    sender,
    text: id,
    createdAt: '2026-03-02T09:00:00.000Z',
    attachments: [],
    raw: null,
    ...(isRead === undefined ? {} : { isRead }),
  });
  it('takes the listing count where there is one, the flags where there are some, else what is unanswered', async () => {
    const { unreadBuyerMessages } = await import('./first-run.js');
    const history = [
      m('1', 'buyer', true),
      m('2', 'seller', true),
      m('3', 'buyer', true),
      m('4', 'buyer', true),
    ];
    expect(unreadBuyerMessages(history, 2).map((x) => x.id)).toEqual(['3', '4']);
    expect(unreadBuyerMessages(history, 0)).toEqual([]);
    expect(
      unreadBuyerMessages([m('1', 'buyer', false), m('2', 'seller'), m('3', 'buyer', true)]).map((x) => x.id),
    ).toEqual(['1']);
    expect(
      unreadBuyerMessages([m('1', 'buyer'), m('2', 'seller'), m('3', 'buyer'), m('4', 'buyer')]).map(
        (x) => x.id,
      ),
    ).toEqual(['3', '4']);
  });
});
