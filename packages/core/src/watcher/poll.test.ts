import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSellerChatError } from '../errors/errors.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { poll } from './poll.js';
import { HISTORY_PATHS, LIST_PATHS, TestHost } from './testing/host.js';
import { buyerChats, openWatcherSandbox, type WatcherSandbox } from './testing/sandbox-harness.js';

let ws: WatcherSandbox;
beforeAll(async () => {
  ws = await openWatcherSandbox(12);
});
afterAll(async () => {
  await ws?.close();
});
beforeEach(() => {
  ws.sb.control.setClock({ offsetMs: 0 });
  ws.sb.control.seed({ seed: 7, chats: 12 });
  ws.advance(60_000);
});
afterEach(() => {
  ws.sb.control.clearFaults();
});

const MARKETPLACES: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];

function chatIds(mp: MarketplaceId): string[] {
  return buyerChats(ws, mp);
}

const sorted = (ids: string[]) => [...ids].sort();

describe.each(MARKETPLACES)('%s: polling the sandbox', (mp) => {
  it('delivers every buyer message once across a restart between any two steps, and only a crash repeats', async () => {
    const { client } = ws.client(mp);
    const host = new TestHost(client);
    expect(await host.poll()).toEqual([]);
    const [a, b] = chatIds(mp);
    const expected: string[] = [];
    const step = async (fn: () => void) => {
      ws.advance(1_000);
      fn();
    };
    await step(() => expected.push(ws.write(mp, a!, 'where is my parcel?')));
    await host.poll();
    await step(() => {
      expected.push(ws.write(mp, b!, 'one'));
      expected.push(ws.write(mp, b!, 'two'));
    });
    await host.poll();
    await host.poll();
    const opened = ws.open(mp, 'a brand new question');
    expected.push(opened.messageId);
    await host.poll();
    await step(() => expected.push(ws.write(mp, a!, 'still waiting')));
    const crashed = await host.poll(true);
    expect(crashed.map((e) => e.id)).toEqual([`${mp}:msg:${a}:${expected.at(-1)}`]);
    const again = await host.poll();
    expect(again.map((e) => e.id)).toEqual(crashed.map((e) => e.id));
    await host.poll();

    const delivered = host.messages();
    expect(sorted([...new Set(delivered)])).toEqual(sorted(expected));
    // The only repeat is the crashed poll's event, with the same id.
    expect(delivered.length).toBe(expected.length + 1);
    expect(host.chats()).toEqual([opened.chatId]);
    const created = host.delivered.findIndex((e) => e.type === 'chat.created');
    expect(host.delivered[created + 1]).toMatchObject({
      type: 'message.received',
      chat: { id: opened.chatId },
    });
  });

  it('changes nothing when a poll fails: the next poll delivers the same events', async () => {
    const { client } = ws.client(mp);
    const host = new TestHost(client);
    await host.poll();
    const [a] = chatIds(mp);
    ws.advance(1_000);
    const m = ws.write(mp, a!, 'is it in stock?');
    const before = host.saved;
    ws.sb.control.addFault({
      marketplace: mp,
      path: HISTORY_PATHS[mp],
      kind: 'status',
      status: 500,
      times: 1,
    });
    const failure = await host.poll().catch((e: unknown) => e);
    expect(isSellerChatError(failure) && failure.marketplace).toBe(mp);
    expect(host.saved).toBe(before);
    expect(host.messages()).toEqual([]);
    await host.poll();
    expect(host.messages()).toEqual([m]);
  });

  it('loses nothing when two polls overlap from one saved state and the host keeps either result', async () => {
    for (const keep of [0, 1] as const) {
      const { client } = ws.client(mp);
      const host = new TestHost(client);
      await host.poll();
      const [a, b] = chatIds(mp);
      ws.advance(1_000);
      const first = ws.write(mp, a!, `first ${keep}`);
      const saved = JSON.parse(host.saved!);
      ws.sb.control.addFault({
        marketplace: mp,
        path: HISTORY_PATHS[mp],
        kind: 'latency',
        ms: 150,
        times: 2,
      });
      const slow = poll(client, saved);
      await new Promise((r) => setTimeout(r, 40));
      ws.advance(1_000);
      const second = ws.write(mp, b!, `second ${keep}`);
      const fast = poll(client, saved);
      const results = await Promise.all([slow, fast]);
      const kept = results[keep];
      host.delivered.push(...results.flatMap((r) => r.events));
      host.saved = JSON.stringify(kept.state);
      await host.poll();
      await host.poll();
      expect(sorted([...new Set(host.messages())])).toEqual(sorted([first, second]));
    }
  });

  it('does not depend on the host clock: the marketplace runs hours ahead or behind', async () => {
    // Metro refuses signatures more than 5 minutes off its clock, so its skew stays inside that.
    const skew = mp === 'metro' ? 4 * 60_000 : 3 * 3_600_000;
    for (const offsetMs of [skew, -skew]) {
      ws.sb.control.setClock({ offsetMs });
      ws.sb.control.seed({ seed: 7, chats: 12 });
      const { client } = ws.client(mp);
      const host = new TestHost(client);
      expect(await host.poll()).toEqual([]);
      const [a, b] = chatIds(mp);
      ws.advance(1_000);
      const one = ws.write(mp, a!, 'skewed one');
      await host.poll();
      // Marketplace time jumps two hours ahead (on Metro the host's clock goes along, for signing).
      if (mp === 'metro') ws.advance(2 * 3_600_000);
      else ws.sb.control.setClock({ advanceMs: 2 * 3_600_000 });
      const two = ws.write(mp, b!, 'after a jump forward');
      await host.poll();
      await host.poll();
      expect(host.messages()).toEqual([one, two]);
    }
  });

  it('catches messages written while a poll is running, once', async () => {
    const { client } = ws.client(mp);
    const host = new TestHost(client);
    await host.poll();
    const [a, b, c] = chatIds(mp);
    ws.advance(1_000);
    const expected = [ws.write(mp, a!, 'before the poll')];
    ws.sb.control.addFault({ marketplace: mp, path: LIST_PATHS[mp], kind: 'latency', ms: 120, times: 1 });
    ws.sb.control.addFault({ marketplace: mp, path: HISTORY_PATHS[mp], kind: 'latency', ms: 120, times: 1 });
    const running = host.poll();
    for (const chat of [a, b, c]) {
      await new Promise((r) => setTimeout(r, 50));
      ws.advance(200);
      expected.push(ws.write(mp, chat!, `during the poll in ${chat}`));
    }
    await running;
    ws.advance(1_000);
    await host.poll();
    await host.poll();
    expect(sorted(host.messages())).toEqual(sorted(expected));
  });

  it('delivers many messages sharing one timestamp, in several chats, exactly once', async () => {
    const { client } = ws.client(mp);
    const host = new TestHost(client);
    await host.poll();
    const [a, b] = chatIds(mp);
    ws.advance(1_000);
    const expected: string[] = [];
    for (let i = 0; i < 4; i++) expected.push(ws.write(mp, a!, `same instant a${i}`));
    for (let i = 0; i < 3; i++) expected.push(ws.write(mp, b!, `same instant b${i}`));
    await host.poll();
    for (let i = 0; i < 2; i++) expected.push(ws.write(mp, a!, `same instant again a${i}`));
    expected.push(ws.write(mp, b!, 'same instant again b'));
    await host.poll();
    ws.advance(30_000);
    await host.poll();
    expect(sorted(host.messages())).toEqual(sorted(expected));
  });

  it('never emits again after chats were let go under a tiny state cap', async () => {
    ws.sb.control.seed({ seed: 7, chats: 60 });
    const { client } = ws.client(mp);
    const host = new TestHost(client, { maxStateBytes: 4_096, lagMs: 0, settleMs: 0 });
    await host.poll();
    const ids = chatIds(mp);
    const expected: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const chat of ids) {
        // A second apart: Metro and Storeden stamp messages to the second.
        ws.advance(1_000);
        expected.push(ws.write(mp, chat, `round ${round}`));
      }
      await host.poll();
      expect(Buffer.byteLength(host.saved!)).toBeLessThanOrEqual(4_096);
    }
    await host.poll();
    expect(sorted(host.messages())).toEqual(sorted(expected));
  });
});
