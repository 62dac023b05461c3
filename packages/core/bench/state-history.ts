import type { Chat } from '../src/model/chat.js';
import type { Message } from '../src/model/message.js';
import { compactState, stateBytes, utf8Length } from '../src/watcher/compact.js';
import { resolveOptions } from '../src/watcher/options.js';
import { loadWatcherState } from '../src/watcher/state.js';
import { stateAt } from '../src/watcher/testing/synthetic.js';
import { acceptChat, createTracker, noteListed, planChat } from '../src/watcher/track.js';

export interface HistoryRow {
  messages: number;
  chats: number;
  polls: number;
  maxBytes: number;
  lastBytes: number;
  tracked: number;
  cap: number;
  /** JSON bytes of every emitted event id: what a remember-everything poller would store. */
  seenIdBytes: number;
  missed: number;
  twice: number;
}

const POLLS = 100;
const MINUTE = 60_000;
const POLL_MS = 2 * MINUTE;
const T0 = Date.UTC(2025, 0, 1);

/**
 * `messages` buyer and seller messages over `messages / 10` chats in 100 polls, through the pure
 * state functions, as packages/core/src/watcher/scale.test.ts does at its one size: the listing
 * behaves like Metro's time filter (chats active since the watermark minus the lag), half the
 * messages go to a small busy set of chats that changes every tenth of the run, half to any chat,
 * one in ten shares its chat's previous timestamp and some arrive in a burst at one instant.
 * The state is saved as JSON and read back between every two polls.
 */
export function simulateHistory(messages: number): HistoryRow {
  const chats = Math.max(10, Math.floor(messages / 10));
  const busy = Math.max(5, Math.floor(chats / 200));
  const perPoll = Math.ceil(messages / POLLS);
  let seed = 42;
  // mulberry32: integer arithmetic only, so the sequence does not collapse into short cycles.
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const lastAt = new Float64Array(chats).fill(T0 - 86_400_000);
  const history: number[][] = Array.from({ length: chats }, () => []);
  const at = new Float64Array(messages);
  const atIso: string[] = new Array(messages);
  const fromBuyer = new Uint8Array(messages);
  const emitted = new Uint8Array(messages);
  const touched: Array<Set<number>> = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const messageOf = (chat: number, n: number): Message => ({
    marketplace: 'metro',
    id: String(n),
    chatId: `c${chat}`,
    sender: fromBuyer[n] ? 'buyer' : 'seller',
    text: '',
    createdAt: atIso[n]!,
    attachments: [],
    raw: null,
  });
  const chatOf = (chat: number): Chat => ({
    marketplace: 'metro',
    id: `c${chat}`,
    kind: 'order',
    status: 'other',
    context: {},
    createdAt: iso(T0 - 86_400_000),
    lastMessageAt: iso(lastAt[chat]!),
    raw: null,
  });

  const options = resolveOptions('metro', { events: 'messages' });
  let saved = JSON.stringify(stateAt(iso(T0)));
  let next = 0;
  let maxBytes = 0;
  let seenIdBytes = 2;
  for (let round = 0; round < POLLS && next < messages; round++) {
    const start = T0 + round * POLL_MS;
    const now = new Set<number>();
    const burst = start + Math.floor(random() * POLL_MS);
    for (let i = 0; i < perPoll && next < messages; i++) {
      const chat =
        random() < 0.5
          ? (Math.floor(round / 10) * busy + Math.floor(random() * busy)) % chats
          : Math.floor(random() * chats);
      const roll = random();
      const time =
        roll < 0.1 && lastAt[chat]! >= start
          ? lastAt[chat]!
          : roll < 0.15
            ? burst
            : start + Math.floor(random() * POLL_MS);
      const n = next++;
      at[n] = Math.max(time, lastAt[chat]!);
      atIso[n] = iso(at[n]!);
      fromBuyer[n] = random() < 0.8 ? 1 : 0;
      lastAt[chat] = at[n]!;
      history[chat]!.push(n);
      now.add(chat);
    }
    touched.push(now);
    if (touched.length > 4) touched.shift();

    const state = loadWatcherState(JSON.parse(saved), 'metro');
    const t = createTracker(state, 'time', options);
    const from = Date.parse(state.watermark!) - options.lagMs;
    const listed = [...new Set(touched.flatMap((s) => [...s]))]
      .filter((chat) => lastAt[chat]! >= from)
      .sort((a, b) => lastAt[b]! - lastAt[a]!);
    for (const chat of listed) {
      const model = chatOf(chat);
      const plan = planChat(t, model);
      noteListed(t, model);
      if (!plan.read) continue;
      const all = history[chat]!;
      const first = plan.known && plan.after !== undefined ? all.indexOf(Number(plan.after)) + 1 : 0;
      acceptChat(
        t,
        model,
        plan,
        all.slice(first).map((n) => messageOf(chat, n)),
        'poll',
      );
    }
    for (const event of t.events) {
      if (event.type !== 'message.received') continue;
      emitted[Number(event.message.id)]! += 1;
      seenIdBytes += utf8Length(JSON.stringify(event.id)) + 1;
    }
    compactState(state, 'time', options);
    maxBytes = Math.max(maxBytes, stateBytes(state));
    saved = JSON.stringify(state);
  }
  let missed = 0;
  let twice = 0;
  for (let n = 0; n < messages; n++) {
    if (fromBuyer[n] && emitted[n] === 0) missed++;
    if (emitted[n]! > 1 || (!fromBuyer[n] && emitted[n])) twice++;
  }
  const last = loadWatcherState(JSON.parse(saved), 'metro');
  return {
    messages,
    chats,
    polls: POLLS,
    maxBytes,
    lastBytes: stateBytes(last),
    tracked: Object.keys(last.chats).length,
    cap: options.maxStateBytes,
    seenIdBytes,
    missed,
    twice,
  };
}
