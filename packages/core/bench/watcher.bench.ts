/**
 * The watcher against a naive poller, on the sandbox over loopback HTTP: API calls and time per
 * poll with 1,000 and 10,000 chats per marketplace, 1% of the chats getting a buyer message
 * between two polls. Run: `pnpm --filter @sellerchat/core bench`. It prints a table; it is a
 * measurement, not a timed test (the one check is that the watcher delivered exactly what the
 * buyers wrote, so the numbers are not bought with missed messages).
 *
 * Rate limits are lifted on both sides for the run (sandbox settings and client limiters), so
 * time measures the work, not the waiting: at Ozon's real 50 requests/s or Yandex's 10,000
 * history reads an hour, the naive poller's calls per poll below are what it could not afford.
 */
import { expect, it } from 'vitest';
import type { MarketplaceClient } from '../src/marketplaces/client.js';
import type { MarketplaceId } from '../src/model/marketplace.js';
import { poll } from '../src/watcher/poll.js';
import type { WatcherState } from '../src/watcher/state.js';
import { buyerChats, openWatcherSandbox } from '../src/watcher/testing/sandbox-harness.js';

const MARKETPLACES: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
/** Watcher polls measured per size: ten, so Yandex's and Ozon's every-tenth full sweep is in the average. */
const WATCHER_POLLS = 10;
const naivePolls = (size: number) => (size > 5_000 ? 1 : 2);

/** Lists every chat and reads every chat's whole history, every time. */
async function naivePoll(client: MarketplaceClient, seen: Set<string>): Promise<string[]> {
  const fresh: string[] = [];
  const chats = [];
  for await (const chat of client.iterateChats({ limit: client.capabilities.paging.chatsMax || undefined }))
    chats.push(chat);
  for (const chat of chats) {
    for await (const m of client.iterateMessages(chat.id)) {
      if (m.sender === 'buyer' && !seen.has(m.id)) {
        seen.add(m.id);
        fresh.push(m.id);
      }
    }
  }
  return fresh;
}

interface Row {
  marketplace: MarketplaceId;
  chats: number;
  watcherCalls: number;
  naiveCalls: number;
  watcherMs: number;
  naiveMs: number;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(9);

it('prints API calls and time per poll: watcher vs naive poller', async () => {
  const ws = await openWatcherSandbox(0);
  const lifted = { all: { rate: 1_000_000, intervalMs: 1_000, concurrency: 4 } };
  const plenty = 1_000_000_000;
  ws.sb.control.configure('yandex', {
    quotas: { getChats: plenty, getChat: plenty, getChatHistory: plenty, getChatMessage: plenty },
  });
  ws.sb.control.configure('storeden', { dailyRequestLimit: 100_000_000 });
  const rows: Row[] = [];
  try {
    for (const size of SIZES) {
      ws.sb.control.seed({ seed: 11, chats: size });
      ws.sb.control.configure('ozon', { rateLimitPerSecond: 1_000_000 });
      for (const mp of MARKETPLACES) {
        const targets = buyerChats(ws, mp);
        const { client, counter } = ws.client(mp, { limits: lifted });
        let random = size + mp.length;
        const pick = () => {
          random = (random * 48_271) % 2_147_483_647;
          return targets[random % targets.length]!;
        };
        // A poll a minute; the buyers' messages spread over that minute.
        const change = () => {
          const count = size / 100;
          const written = new Set<string>();
          for (let i = 0; i < count; i++) {
            ws.advance(Math.floor(60_000 / count));
            written.add(ws.write(mp, pick(), `bench ${i}`));
          }
          return written;
        };

        let state: WatcherState = (await poll(client, undefined, {})).state;
        let watcherCalls = 0;
        let watcherMs = 0;
        for (let round = 0; round < WATCHER_POLLS; round++) {
          const written = change();
          counter.reset();
          const started = performance.now();
          const result = await poll(client, JSON.parse(JSON.stringify(state)), {});
          watcherMs += performance.now() - started;
          watcherCalls += counter.requests.length;
          state = result.state;
          const delivered = result.events.flatMap((e) =>
            e.type === 'message.received' ? [e.message.id] : [],
          );
          expect(new Set(delivered)).toEqual(written);
          expect(delivered.length).toBe(written.size);
        }

        const seen = new Set<string>();
        await naivePoll(client, seen);
        let naiveCalls = 0;
        let naiveMs = 0;
        for (let round = 0; round < naivePolls(size); round++) {
          const written = change();
          counter.reset();
          const started = performance.now();
          const fresh = await naivePoll(client, seen);
          naiveMs += performance.now() - started;
          naiveCalls += counter.requests.length;
          expect(new Set(fresh)).toEqual(written);
        }
        rows.push({
          marketplace: mp,
          chats: size,
          watcherCalls: watcherCalls / WATCHER_POLLS,
          naiveCalls: naiveCalls / naivePolls(size),
          watcherMs: watcherMs / WATCHER_POLLS,
          naiveMs: naiveMs / naivePolls(size),
        });
      }
    }
  } finally {
    await ws.close();
  }
  const lines = [
    '',
    'Watcher vs naive poller: per poll, 1% of chats changed between polls (sandbox, loopback HTTP)',
    'marketplace    chats  watcher calls  naive calls   fewer calls  watcher ms   naive ms',
    ...rows.map(
      (r) =>
        `${r.marketplace.padEnd(11)}${fmt(r.chats)}${fmt(r.watcherCalls, 1).padStart(15)}${fmt(r.naiveCalls).padStart(13)}` +
        `${`${(r.naiveCalls / r.watcherCalls).toFixed(0)}×`.padStart(14)}${fmt(r.watcherMs, 0).padStart(12)}${fmt(r.naiveMs, 0).padStart(11)}`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
});
