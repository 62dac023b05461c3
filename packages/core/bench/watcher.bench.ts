/**
 * The watcher against a naive poller, on the sandbox over loopback HTTP: API calls and time per
 * poll with 1,000, 10,000 and 100,000 chats per marketplace, 1% of the chats getting a buyer
 * message between two polls. Run: `pnpm --filter @sellerchat/core bench` (or `npm run bench` at
 * the top). It prints a markdown table; it is a measurement, not a timed test (the one check is
 * that both pollers delivered what the buyers wrote, so the numbers are not bought with missed
 * messages). `BENCH_SIZES=1000,10000` and `BENCH_MARKETPLACES=metro,ozon` narrow a run.
 *
 * Rate limits are lifted on both sides for the run (sandbox settings and client limiters), so
 * time measures the work, not the waiting: at Ozon's real 50 requests/s or Yandex's 10,000
 * history reads an hour, the naive poller's calls per poll below are what it could not afford.
 * The sandbox runs in this same process, so its time is in both columns alike.
 */

import { machineLine, markdownTable, num } from '@sellerchat/sandbox/testing';
import { expect, it } from 'vitest';
import type { MarketplaceClient } from '../src/marketplaces/client.js';
import type { MarketplaceId } from '../src/model/marketplace.js';
import { poll } from '../src/watcher/poll.js';
import type { WatcherState } from '../src/watcher/state.js';
import {
  buyerChats,
  openWatcherSandbox,
  type WatcherSandbox,
} from '../src/watcher/testing/sandbox-harness.js';

const MARKETPLACES = (process.env.BENCH_MARKETPLACES ?? 'metro,yandex,ozon,storeden').split(
  ',',
) as MarketplaceId[];
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** Watcher polls measured per size: ten, so Yandex's and Ozon's every-tenth full sweep is in the average. */
const WATCHER_POLLS = 10;
/**
 * Naive polls measured per size. Its calls do not depend on what it has seen, so the first poll
 * (which also learns the history) is measured too; at 100,000 chats one poll is ~100,000 calls
 * per marketplace, real ones, not extrapolated.
 */
const naivePolls = (size: number) => (size > 10_000 ? 1 : 2);

/**
 * Lists every chat and reads every chat's whole history, every time. `listed` says how many chats
 * the client's listing gave: a client that stops paging early (Yandex's iterateChats ends after
 * 1,000 pages of 20) makes the naive figure a lower bound, and the table says so.
 */
async function naivePoll(
  client: MarketplaceClient,
  seen: Set<string>,
): Promise<{ fresh: Set<string>; listed: number }> {
  const fresh = new Set<string>();
  const chats = [];
  for await (const chat of client.iterateChats({ limit: client.capabilities.paging.chatsMax ?? undefined }))
    chats.push(chat);
  for (const chat of chats) {
    for await (const m of client.iterateMessages(chat.id)) {
      if (m.sender === 'buyer' && !seen.has(m.id)) {
        seen.add(m.id);
        fresh.add(m.id);
      }
    }
  }
  return { fresh, listed: chats.length };
}

interface Row {
  marketplace: MarketplaceId;
  chats: number;
  watcherCalls: number;
  naiveCalls: number;
  watcherMs: number;
  naiveMs: number;
  naivePolls: number;
  /** Chats the naive poller's listing gave (fewer than `chats` when the client stopped paging). */
  naiveListed: number;
}

const PLENTY = 1_000_000_000;

/** Lifted again after every seed, whatever a seed puts back. */
function liftSandboxLimits(ws: WatcherSandbox): void {
  ws.sb.control.configure('yandex', {
    quotas: { getChats: PLENTY, getChat: PLENTY, getChatHistory: PLENTY, getChatMessage: PLENTY },
  });
  ws.sb.control.configure('storeden', { dailyRequestLimit: 100_000_000 });
  ws.sb.control.configure('ozon', { rateLimitPerSecond: 1_000_000 });
}

/**
 * A seed holds the event loop for seconds (about 40 at 100,000 chats). Keep-alive sockets left idle
 * across it would be closed by the sandbox just as the next client reuses them (ECONNRESET): close
 * them first, and let the client see them closed before its next request.
 */
async function reseed(ws: WatcherSandbox, size: number): Promise<void> {
  ws.sb.server.closeIdleConnections();
  ws.sb.control.seed({ seed: 11, chats: size });
  liftSandboxLimits(ws);
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * The client's clock is the harness's base plus real time elapsed; the sandbox's is the base alone.
 * A run at 100,000 chats lasts longer than the 5 minutes Metro allows between a signature's
 * timestamp and its own clock, so before every poll the sandbox's clock is moved on by the real
 * time elapsed (forward only: positions never go back).
 */
function clocksInStep(ws: WatcherSandbox): () => void {
  const started = Date.now();
  return () => {
    ws.sb.control.setClock({ offsetMs: Date.now() - started });
  };
}

async function measure(
  ws: WatcherSandbox,
  mp: MarketplaceId,
  size: number,
  inStep: () => void,
): Promise<Row> {
  const targets = buyerChats(ws, mp);
  const { client, counter } = ws.client(mp, {
    limits: { all: { rate: 1_000_000, intervalMs: 1_000, concurrency: 4 } },
  });
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

  inStep();
  let state: WatcherState = (await poll(client, undefined, {})).state;
  let watcherCalls = 0;
  let watcherMs = 0;
  for (let round = 0; round < WATCHER_POLLS; round++) {
    const written = change();
    inStep();
    counter.reset();
    const started = performance.now();
    const result = await poll(client, JSON.parse(JSON.stringify(state)), {});
    watcherMs += performance.now() - started;
    watcherCalls += counter.requests.length;
    state = result.state;
    const delivered = result.events.flatMap((e) => (e.type === 'message.received' ? [e.message.id] : []));
    expect(new Set(delivered)).toEqual(written);
    expect(delivered.length).toBe(written.size);
  }

  const seen = new Set<string>();
  let naiveCalls = 0;
  let naiveMs = 0;
  let naiveListed = Number.POSITIVE_INFINITY;
  for (let round = 0; round < naivePolls(size); round++) {
    const written = change();
    inStep();
    counter.reset();
    const started = performance.now();
    const { fresh, listed } = await naivePoll(client, seen);
    naiveMs += performance.now() - started;
    naiveListed = Math.min(naiveListed, listed);
    naiveCalls += counter.requests.length;
    // The first poll also returns the whole history before it; after that, exactly what was written.
    if (round === 0) expect([...written].filter((id) => !fresh.has(id))).toEqual([]);
    else expect(fresh).toEqual(written);
  }
  return {
    marketplace: mp,
    chats: size,
    watcherCalls: watcherCalls / WATCHER_POLLS,
    naiveCalls: naiveCalls / naivePolls(size),
    watcherMs: watcherMs / WATCHER_POLLS,
    naiveMs: naiveMs / naivePolls(size),
    naivePolls: naivePolls(size),
    naiveListed,
  };
}

it('prints API calls and time per poll: watcher vs naive poller', async () => {
  const machine = machineLine();
  const ws = await openWatcherSandbox(0);
  const inStep = clocksInStep(ws);
  const rows: Row[] = [];
  const started = performance.now();
  try {
    for (const size of SIZES) {
      await reseed(ws, size);
      for (const mp of MARKETPLACES) rows.push(await measure(ws, mp, size, inStep));
    }
  } finally {
    await ws.close();
  }
  const table = markdownTable(
    'Watcher vs naive poller, per poll (1% of chats changed between polls; sandbox over loopback HTTP)',
    [
      { title: 'marketplace', align: 'left', cell: (r: Row) => r.marketplace },
      { title: 'chats', cell: (r) => num(r.chats) },
      { title: 'calls/poll watcher', cell: (r) => num(r.watcherCalls, 1) },
      {
        title: 'calls/poll naive',
        cell: (r) => `${r.naiveListed < r.chats ? '† ' : ''}${num(r.naiveCalls)}`,
      },
      { title: 'ratio', cell: (r) => `${num(r.naiveCalls / r.watcherCalls)}×` },
      { title: 'ms/poll watcher', cell: (r) => num(r.watcherMs) },
      { title: 'ms/poll naive', cell: (r) => num(r.naiveMs) },
    ],
    rows,
    [
      `Watcher: mean of ${WATCHER_POLLS} polls (Yandex and Ozon list every chat on every tenth). ` +
        `Naive: lists every chat, reads every chat's whole history; mean of ${[...new Set(rows.map((r) => r.naivePolls))].join(' or ')} measured polls ` +
        '(one at 100,000 chats). Rate limits lifted on both sides. ' +
        `Whole run: ${num((performance.now() - started) / 1000)} s.`,
      ...rows
        .filter((r) => r.naiveListed < r.chats)
        .map(
          (r) =>
            `† ${r.marketplace} at ${num(r.chats)} chats: the client's chat listing stopped after ${num(r.naiveListed)} chats, ` +
            'so the naive poller read only those: its calls, and the ratio, are a lower bound.',
        ),
    ],
  );
  console.log(`\n${machine}\n${table}`);
});
