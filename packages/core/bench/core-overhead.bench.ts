/**
 * Core overhead, no HTTP: how many messages per second one core turns from response bodies into
 * deduplicated events, per marketplace; and how large the trigger's state grows against the
 * history it has seen. Run: `pnpm --filter @sellerchat/core bench`. It prints markdown tables;
 * the checks only make sure the figures come from work that was done right.
 *
 * Bodies are the sandbox's own (its seeded chats, read once over HTTP and replayed from memory),
 * so sizes, attachments and envelopes are what a client meets; the path is the real one: lossless
 * parse, the marketplace's mapper, then the watcher's planChat/acceptChat/compactState.
 */

import { machineLine, markdownTable, num } from '@sellerchat/sandbox/testing';
import { expect, it } from 'vitest';
import type { MarketplaceId } from '../src/model/marketplace.js';
import type { Message } from '../src/model/message.js';
import { compactState } from '../src/watcher/compact.js';
import { resolveOptions } from '../src/watcher/options.js';
import { comparePositions } from '../src/watcher/position.js';
import { loadWatcherState, WATCHER_STATE_VERSION, type WatcherState } from '../src/watcher/state.js';
import { strategyFor } from '../src/watcher/strategies/index.js';
import { openWatcherSandbox } from '../src/watcher/testing/sandbox-harness.js';
import { acceptChat, createTracker, messagePosition, noteListed, planChat } from '../src/watcher/track.js';
import { type ChatCorpus, captureCorpus, normaliseHistory } from './corpus.js';
import { simulateHistory } from './state-history.js';

const MARKETPLACES: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];
const CHATS = Number(process.env.BENCH_OVERHEAD_CHATS ?? 1_000);
/** Each marketplace is timed for at least this long (whole passes over its corpus). */
const MIN_MS = Number(process.env.BENCH_OVERHEAD_MS ?? 2_000);
const HISTORIES = (process.env.BENCH_HISTORIES ?? '1000,10000,100000,1000000').split(',').map(Number);

interface ThroughputRow {
  marketplace: MarketplaceId;
  chats: number;
  messages: number;
  bytesPerMessage: number;
  normaliseRate: number;
  pipelineRate: number;
  emittedPerPass: number;
}

/**
 * A saved state whose floor sits at the corpus's median message: half of every pass is history
 * the dedup must drop, half is new and emitted, as on a poll after a restart.
 */
function midwayState(mp: MarketplaceId, corpus: ChatCorpus[]): string {
  const order = strategyFor(mp).order;
  const positions = corpus
    .flatMap((c) => normaliseHistory(mp, c.chat.id, c.pages))
    .map((m) => messagePosition(order, m))
    .sort((a, b) => comparePositions(order, a, b));
  const at = positions[Math.floor(positions.length / 2)]!;
  const state: WatcherState = {
    version: WATCHER_STATE_VERSION,
    marketplace: mp,
    follows: 'messages',
    watermark: at,
    floor: { at, edge: {} },
    chats: {},
    recent: [],
    polls: 1,
  };
  return JSON.stringify(state);
}

/** Repeats whole passes until MIN_MS elapsed; messages per second. */
function rate(messagesPerPass: number, pass: () => void): number {
  pass(); // warm-up: let the JIT see the path once
  let passes = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS || passes < 3) {
    pass();
    passes++;
    elapsed = performance.now() - started;
  }
  return (messagesPerPass * passes) / (elapsed / 1000);
}

function throughput(mp: MarketplaceId, corpus: ChatCorpus[]): ThroughputRow {
  const order = strategyFor(mp).order;
  const options = resolveOptions(mp, {});
  const saved = midwayState(mp, corpus);
  const messages = corpus.reduce((n, c) => n + c.messages, 0);
  const bytes = corpus.reduce((n, c) => n + c.pages.reduce((b, p) => b + Buffer.byteLength(p), 0), 0);

  const normaliseRate = rate(messages, () => {
    for (const c of corpus) normaliseHistory(mp, c.chat.id, c.pages);
  });
  let emitted = 0;
  const pipelineRate = rate(messages, () => {
    const state = loadWatcherState(JSON.parse(saved), mp);
    const t = createTracker(state, order, options);
    for (const c of corpus) {
      const history: Message[] = normaliseHistory(mp, c.chat.id, c.pages);
      const plan = planChat(t, c.chat);
      noteListed(t, c.chat);
      if (plan.read) acceptChat(t, c.chat, plan, history, 'poll');
    }
    compactState(state, order, options);
    emitted = t.events.filter((e) => e.type === 'message.received').length;
  });
  return {
    marketplace: mp,
    chats: corpus.length,
    messages,
    bytesPerMessage: bytes / messages,
    normaliseRate,
    pipelineRate,
    emittedPerPass: emitted,
  };
}

it('prints normalise + dedup throughput per marketplace (one core, no HTTP)', async () => {
  const machine = machineLine();
  const ws = await openWatcherSandbox(CHATS, 11);
  const corpora = new Map<MarketplaceId, ChatCorpus[]>();
  try {
    for (const mp of MARKETPLACES) corpora.set(mp, await captureCorpus(ws, mp));
  } finally {
    await ws.close();
  }
  const rows = MARKETPLACES.map((mp) => throughput(mp, corpora.get(mp)!));
  for (const r of rows) {
    expect(r.messages).toBeGreaterThan(CHATS);
    // The dedup dropped history and let new messages through: both halves of the path ran.
    expect(r.emittedPerPass).toBeGreaterThan(0);
    expect(r.emittedPerPass).toBeLessThan(r.messages);
  }
  const table = markdownTable(
    'Normalise + dedup throughput, messages per second on one core (no HTTP)',
    [
      { title: 'marketplace', align: 'left', cell: (r: ThroughputRow) => r.marketplace },
      { title: 'chats', cell: (r) => num(r.chats) },
      { title: 'messages', cell: (r) => num(r.messages) },
      { title: 'wire bytes/msg', cell: (r) => num(r.bytesPerMessage) },
      { title: 'parse + normalise msg/s', cell: (r) => num(r.normaliseRate) },
      { title: 'parse + normalise + dedup msg/s', cell: (r) => num(r.pipelineRate) },
      { title: 'emitted/pass', cell: (r) => num(r.emittedPerPass) },
    ],
    rows,
    [
      `The sandbox's seeded chats (seed 11), every history body replayed from memory; each pass is one poll ` +
        'from a saved state whose floor sits at the median message, so the dedup drops about half and ' +
        `emits the buyer messages of the rest. At least ${num(MIN_MS / 1000, 1)} s of whole passes per figure.`,
    ],
  );
  console.log(`\n${machine}\n${table}`);
});

it('prints trigger state size against history size (bounded by maxStateBytes)', () => {
  const rows = HISTORIES.map((messages) => simulateHistory(messages));
  for (const r of rows) {
    expect(r.maxBytes).toBeLessThanOrEqual(r.cap);
    expect({ missed: r.missed, twice: r.twice }).toEqual({ missed: 0, twice: 0 });
  }
  const table = markdownTable(
    'Trigger state size against history size (default maxStateBytes)',
    [
      { title: 'messages seen', cell: (r: (typeof rows)[number]) => num(r.messages) },
      { title: 'chats', cell: (r) => num(r.chats) },
      { title: 'polls', cell: (r) => num(r.polls) },
      { title: 'state bytes (max)', cell: (r) => num(r.maxBytes) },
      { title: 'state bytes (last)', cell: (r) => num(r.lastBytes) },
      { title: 'chats tracked (last)', cell: (r) => num(r.tracked) },
      { title: 'maxStateBytes', cell: (r) => num(r.cap) },
      { title: 'seen-id set bytes', cell: (r) => num(r.seenIdBytes) },
      { title: 'missed / twice', cell: (r) => `${r.missed} / ${r.twice}` },
    ],
    rows,
    [
      "Pure state functions (planChat, acceptChat, compactState), a Metro-like time-filtered listing, a poll per two minutes of marketplace time and the state saved to JSON and read back between polls. 'seen-id set bytes' is what a poller that remembers every emitted event id would store instead.",
    ],
  );
  console.log(table);
}, 600_000);
