import { describe, expect, it } from 'vitest';
import type { Chat } from '../model/chat.js';
import type { Message } from '../model/message.js';
import { compactState, stateBytes } from './compact.js';
import { resolveOptions } from './options.js';
import { loadWatcherState } from './state.js';
import { stateAt } from './testing/synthetic.js';
import { acceptChat, createTracker, noteListed, planChat } from './track.js';

/**
 * 100,000 chats and 1,000,000 messages through the pure state functions, a poll every two minutes
 * of marketplace time, with a restart (JSON out, JSON in) between every two polls. The marketplace
 * is simulated the way Metro's time-filtered listing behaves: the chats whose last message is at
 * or after the watermark minus the lag buffer. Half the messages go to 500 busy chats (a new 500 every 50 polls: conversations
 * run for a while, then go quiet), half to any of the 100,000, so chats are let go under the cap and come back constantly; one message in
 * ten shares its chat's previous timestamp to the millisecond, and whole bursts share one instant.
 */
describe('bounded state at 100k chats and 1M messages', () => {
  it('stays under 64 KB and emits every buyer message exactly once, also after chats were let go', () => {
    const CHATS = 100_000;
    const MESSAGES = Number(process.env.SCALE_MESSAGES ?? 1_000_000);
    const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 1_000);
    const PER_ROUND = MESSAGES / ROUNDS;
    const MINUTE = 60_000;
    const ROUND_MS = 2 * MINUTE;
    const T0 = Date.UTC(2025, 0, 1);
    let seed = 42;
    // mulberry32: integer arithmetic only, so the sequence does not collapse into short cycles.
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
    };

    const lastAt = new Float64Array(CHATS).fill(T0 - 86_400_000);
    const lastIso: Array<string | undefined> = new Array(CHATS);
    const history: Array<Array<number>> = Array.from({ length: CHATS }, () => []); // global message numbers
    const at = new Float64Array(MESSAGES);
    const atIso: string[] = new Array(MESSAGES);
    const fromBuyer = new Uint8Array(MESSAGES);
    const emitted = new Uint8Array(MESSAGES);
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
      lastMessageAt: lastIso[chat] ?? iso(lastAt[chat]!),
      raw: null,
    });

    const options = resolveOptions('metro', { events: 'messages', lagMs: 2 * MINUTE, settleMs: 5_000 });
    let saved = JSON.stringify(stateAt(iso(T0)));
    let next = 0;
    let maxBytes = 0;
    let letGoAndBack = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const start = T0 + round * ROUND_MS;
      const now = new Set<number>();
      const burst = start + Math.floor(random() * ROUND_MS);
      for (let i = 0; i < PER_ROUND; i++) {
        const chat =
          random() < 0.5
            ? (Math.floor(round / 50) * 500 + Math.floor(random() * 500)) % CHATS
            : Math.floor(random() * CHATS);
        const roll = random();
        const time =
          roll < 0.1 && lastAt[chat]! >= start
            ? lastAt[chat]!
            : roll < 0.15
              ? burst
              : start + Math.floor(random() * ROUND_MS);
        const n = next++;
        at[n] = Math.max(time, lastAt[chat]!);
        atIso[n] = iso(at[n]!);
        fromBuyer[n] = random() < 0.8 ? 1 : 0;
        lastAt[chat] = at[n]!;
        lastIso[chat] = atIso[n]!;
        history[chat]!.push(n);
        now.add(chat);
      }
      touched.push(now);
      if (touched.length > 4) touched.shift();

      // The poll, after a restart: only the saved JSON survives.
      const state = loadWatcherState(JSON.parse(saved), 'metro');
      const t = createTracker(state, 'time', options);
      const from = Date.parse(state.watermark!) - options.lagMs;
      const floorMs = Date.parse(state.floor.at ?? '1970-01-01T00:00:00Z');
      const listed = [...new Set(touched.flatMap((s) => [...s]))]
        .filter((chat) => lastAt[chat]! >= from)
        .sort((a, b) => lastAt[b]! - lastAt[a]!);
      for (const chat of listed) {
        const model = chatOf(chat);
        const plan = planChat(t, model);
        noteListed(t, model);
        if (!plan.read) continue;
        if (!plan.known && history[chat]!.some((n) => at[n]! <= floorMs)) letGoAndBack++;
        const all = history[chat]!;
        const start = plan.known && plan.after !== undefined ? all.indexOf(Number(plan.after)) + 1 : 0;
        acceptChat(
          t,
          model,
          plan,
          all.slice(start).map((n) => messageOf(chat, n)),
          'poll',
        );
      }
      for (const event of t.events) {
        if (event.type === 'message.received') emitted[Number(event.message.id)]! += 1;
      }
      compactState(state, 'time', options);
      maxBytes = Math.max(maxBytes, stateBytes(state));
      saved = JSON.stringify(state);
    }

    expect(next).toBe(MESSAGES);
    expect(maxBytes).toBeLessThanOrEqual(65_536);
    expect(letGoAndBack).toBeGreaterThan(1_000);
    let twice = 0;
    let missed = 0;
    let sellerEmitted = 0;
    for (let n = 0; n < MESSAGES; n++) {
      if (fromBuyer[n] && emitted[n] === 0) missed++;
      if (emitted[n]! > 1) twice++;
      if (!fromBuyer[n] && emitted[n]) sellerEmitted++;
    }
    expect({ missed, twice, sellerEmitted }).toEqual({ missed: 0, twice: 0, sellerEmitted: 0 });
  }, 120_000);
});
