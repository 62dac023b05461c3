import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MarketplaceClient } from '../marketplaces/client.js';
import type { ChatEvent, MessageReceivedEvent } from '../model/events.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { stateBytes } from './compact.js';
import type { WatcherOptions } from './options.js';
import { poll } from './poll.js';
import type { PushRequest } from './push-common.js';
import { handleOzonPush } from './push-ozon.js';
import { handleYandexPush } from './push-yandex.js';
import { loadWatcherState, type WatcherState } from './state.js';
import { buyerChats, openWatcherSandbox, type WatcherSandbox } from './testing/sandbox-harness.js';

let ws: WatcherSandbox;
beforeAll(async () => {
  ws = await openWatcherSandbox(8);
});
afterAll(async () => {
  await ws?.close();
});
beforeEach(() => {
  ws.sb.control.setClock({ offsetMs: 0 });
  ws.sb.control.seed({ seed: 7, chats: 8 });
  ws.advance(60_000);
});

const AFTER_MS = 30_000;

/**
 * A host as redelivery asks: save the state, then hand the events on. `crash` dies between the
 * two. The watcher's clock is the test's own, moved by hand: no sleeps.
 */
class SaveFirstHost {
  saved: string | undefined;
  readonly delivered: ChatEvent[] = [];
  now = Date.UTC(2026, 2, 2, 12, 0, 0);

  constructor(
    readonly client: MarketplaceClient,
    readonly extra: WatcherOptions = {},
  ) {}

  get options(): WatcherOptions {
    return { redeliver: { afterMs: AFTER_MS }, clock: { now: () => this.now }, ...this.extra };
  }

  async poll(crash = false): Promise<MessageReceivedEvent[]> {
    const state = this.saved === undefined ? undefined : JSON.parse(this.saved);
    const result = await poll(this.client, state, this.options);
    this.saved = JSON.stringify(result.state);
    if (!crash) this.delivered.push(...result.events);
    return result.events.filter((e): e is MessageReceivedEvent => e.type === 'message.received');
  }

  state(): WatcherState {
    return JSON.parse(this.saved!) as WatcherState;
  }
}

/** A chat the sandbox's buyer writes in (Ozon: not support), and one message there. */
function write(mp: MarketplaceId, text: string, index = 0): { chatId: string; messageId: string } {
  const chatId = buyerChats(ws, mp)[index]!;
  ws.advance(1_000);
  return { chatId, messageId: ws.write(mp, chatId, text) };
}

const MARKETPLACES: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];

describe.each(MARKETPLACES)('%s: redelivery of unanswered buyer messages', (mp) => {
  it('emits an unanswered message again once due, with its id and redelivered: true, after a crash lost it', async () => {
    const host = new SaveFirstHost(ws.client(mp).client);
    expect(await host.poll()).toEqual([]);
    const { chatId, messageId } = write(mp, 'is it still in stock?');
    // Saved, then the host dies before the flow sees the message.
    const [lost] = await host.poll(true);
    expect(lost).toMatchObject({ message: { id: messageId }, reply: { chatId } });
    expect(lost!.redelivered).toBeUndefined();
    expect(host.state().pending).toEqual([
      [lost!.id, chatId, messageId, expect.any(String), new Date(host.now + AFTER_MS).toISOString(), 1],
    ]);
    host.now += AFTER_MS - 1;
    expect(await host.poll()).toEqual([]);
    host.now += 1;
    const [again, ...rest] = await host.poll();
    expect(rest).toEqual([]);
    expect(again).toMatchObject({
      type: 'message.received',
      id: lost!.id,
      redelivered: true,
      message: { id: messageId, text: 'is it still in stock?', sender: 'buyer' },
      chat: { id: chatId },
      reply: { chatId, messageId },
    });
    expect(host.state().pending?.[0]?.[5]).toBe(2);
    // Not due again yet.
    expect(await host.poll()).toEqual([]);
  });

  it('does not redeliver a message the flow answered: the poll that reads the reply settles it', async () => {
    const { client } = ws.client(mp);
    const host = new SaveFirstHost(client);
    await host.poll();
    const { chatId, messageId } = write(mp, 'can I pay on delivery?', 1);
    const [first] = await host.poll();
    expect(first?.message.id).toBe(messageId);
    ws.advance(1_000);
    await client.sendText(chatId, 'Yes, you can.');
    ws.advance(1_000);
    // Not due yet: only the poll's own read of the moved chat can have settled it.
    expect(await host.poll()).toEqual([]);
    expect(host.state().pending).toEqual([]);
    host.now += AFTER_MS;
    host.now += AFTER_MS * 5;
    expect(await host.poll()).toEqual([]);
    expect(host.delivered.map((e) => e.id)).toEqual([first!.id]);
  });

  it('delivers at most maxAttempts times in all, then drops the message', async () => {
    const host = new SaveFirstHost(ws.client(mp).client);
    await host.poll();
    const { messageId } = write(mp, 'hello? anyone?', 2);
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      counts.push((await host.poll()).filter((e) => e.message.id === messageId).length);
      host.now += AFTER_MS;
    }
    // Default 3: the first delivery and two redeliveries.
    expect(counts).toEqual([1, 1, 1, 0, 0]);
    expect(host.state().pending).toEqual([]);
    const two = new SaveFirstHost(ws.client(mp).client, { redeliver: { afterMs: AFTER_MS, maxAttempts: 2 } });
    await two.poll();
    const second = write(mp, 'second try', 3);
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      seen.push((await two.poll()).filter((e) => e.message.id === second.messageId).length);
      two.now += AFTER_MS;
    }
    expect(seen).toEqual([1, 1, 0]);
  });

  it('keeps the state under its cap with many pending messages, dropping the oldest first', async () => {
    const host = new SaveFirstHost(ws.client(mp).client, { maxStateBytes: 4_096 });
    await host.poll();
    const chats = buyerChats(ws, mp);
    const written: string[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 15; i++) {
        ws.advance(1_000);
        written.push(ws.write(mp, chats[i % chats.length]!, `question ${round}.${i}`));
      }
      await host.poll();
      expect(stateBytes(host.state())).toBeLessThanOrEqual(4_096);
    }
    const pending = host.state().pending!;
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.length).toBeLessThan(written.length);
    // The newest are the ones kept.
    expect(pending.map((p) => p[2])).toEqual(written.slice(-pending.length));
    // And the state survives the JSON round trip hosts store it through.
    const text = host.saved!;
    expect(loadWatcherState(text, mp)).toEqual(JSON.parse(text));
    expect(loadWatcherState(JSON.parse(text), mp).pending).toEqual(pending);
  });

  it('changes nothing without the option: no pending list, no repeat', async () => {
    const { client } = ws.client(mp);
    const first = await poll(client, undefined, {});
    write(mp, 'plain', 1);
    const second = await poll(client, JSON.parse(JSON.stringify(first.state)), {});
    expect(second.events).toHaveLength(1);
    expect('pending' in second.state).toBe(false);
    const third = await poll(client, JSON.parse(JSON.stringify(second.state)), {});
    expect(third.events).toEqual([]);
  });
});

describe('redelivery: what is never pending', () => {
  it("a first run's unread messages and the seller's own messages wait for no answer", async () => {
    const { client } = ws.client('storeden');
    write('storeden', 'unread before activation');
    const host = new SaveFirstHost(client, { firstRun: 'unread', includeSellerMessages: true });
    const found = await host.poll();
    expect(found.length).toBeGreaterThan(0);
    expect(host.state().pending).toEqual([]);
    const chatId = buyerChats(ws, 'storeden')[0]!;
    ws.advance(1_000);
    await client.sendText(chatId, 'a message of our own');
    ws.advance(1_000);
    const own = await host.poll();
    expect(own.map((e) => e.message.sender)).toEqual(['seller']);
    expect(host.state().pending).toEqual([]);
  });

  it('a state saved before redelivery existed loads, and the option can be turned off again', async () => {
    const { client } = ws.client('metro');
    const plain = await poll(client, undefined, {});
    const host = new SaveFirstHost(client);
    host.saved = JSON.stringify(plain.state);
    write('metro', 'from an older save');
    expect(await host.poll()).toHaveLength(1);
    expect(host.state().pending).toHaveLength(1);
    const off = await poll(client, host.state(), {});
    expect('pending' in off.state).toBe(false);
  });
});

describe.each(['yandex', 'ozon'] as const)(
  '%s push: redelivery checks run on each notification too',
  (mp) => {
    /** The notification the marketplace would send for one buyer message. */
    function notification(chatId: string, messageId: string, text: string): PushRequest {
      const at = new Date(ws.now()).toISOString();
      const body =
        mp === 'yandex'
          ? {
              notificationType: 'CHAT_MESSAGE_SENT',
              chatId: Number(chatId),
              messageId: Number(messageId),
              businessId: 1,
              sentAt: at,
            }
          : {
              message_type: 'TYPE_NEW_MESSAGE',
              chat_id: chatId,
              chat_type: 'Buyer_Seller',
              message_id: messageId,
              created_at: at,
              user: { id: '1', type: 'Customer' },
              data: [text],
              seller_id: '7',
            };
      return { headers: {}, body: JSON.stringify(body) };
    }

    it('redelivers the unanswered message and settles the answered one with a history read', async () => {
      const { client } = ws.client(mp);
      const host = new SaveFirstHost(client);
      await host.poll();
      const handle = mp === 'yandex' ? handleYandexPush : handleOzonPush;
      const push = async (chatId: string, messageId: string, text: string) => {
        const state = JSON.parse(host.saved!) as WatcherState;
        const result = await handle(client, state, notification(chatId, messageId, text), {
          ...host.options,
          clock: { now: () => host.now },
        });
        expect(result.response.status).toBe(200);
        host.saved = JSON.stringify(result.state);
        return result.events.filter((e): e is MessageReceivedEvent => e.type === 'message.received');
      };
      const a = write(mp, 'first, never answered', 0);
      const b = write(mp, 'second, answered', 1);
      expect((await push(a.chatId, a.messageId, 'first')).map((e) => e.message.id)).toEqual([a.messageId]);
      expect((await push(b.chatId, b.messageId, 'second')).map((e) => e.message.id)).toEqual([b.messageId]);
      ws.advance(1_000);
      // The reply brings no notification here: only the due check can see it.
      await client.sendText(b.chatId, 'Answered.');
      host.now += AFTER_MS;
      const c = write(mp, 'third', 2);
      const events = await push(c.chatId, c.messageId, 'third');
      expect(events.map((e) => [e.message.id, e.redelivered ?? false])).toEqual([
        [a.messageId, true],
        [c.messageId, false],
      ]);
      expect(events[0]).toMatchObject({ id: `${mp}:msg:${a.chatId}:${a.messageId}`, source: 'push' });
      expect(host.state().pending?.map((p) => [p[2], p[5]])).toEqual([
        [a.messageId, 2],
        [c.messageId, 1],
      ]);
    });
  },
);
