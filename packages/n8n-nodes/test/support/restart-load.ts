// The load and the verdict of the restart test: sandbox buyers who keep writing while the host is
// killed, and what every buyer message must have produced once the host has caught up. (The
// Node-RED package has the same file: test support is not shared across packages.)
import type { MarketplaceId } from '@sellerchat/core';
import type { RunningSandbox } from '@sellerchat/sandbox';

export const MARKETPLACES: MarketplaceId[] = ['metro', 'yandex', 'ozon', 'storeden'];

/** mulberry32: one seed gives the same kill times and buyer choices, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (random: () => number, min: number, max: number) =>
  Math.round(min + random() * (max - min));

/** The flow writes this into its reply, so each seller message names the buyer message it answers. */
export const replyTag = (messageId: string) => `[re:${messageId}]`;
const TAG = /\[re:([^\]]+)\]/;

export interface ChatRef {
  marketplace: MarketplaceId;
  chatId: string;
}

export interface Written extends ChatRef {
  messageId: string;
}

/** What the flow posts to the recorder for every event, before it replies. */
export interface RecordedEvent {
  eventId: string;
  messageId: string;
  chatId: string;
  marketplace: string;
  redelivered?: boolean | null;
  /** 'poll' or 'push'. */
  source?: string;
}

/** Up to `max` chats of `marketplace` where buyer and seller may both write (Ozon's send window opens with the buyer's message). */
export function writableChats(sb: RunningSandbox, marketplace: MarketplaceId, max: number): ChatRef[] {
  return sb.control
    .threads(marketplace)
    .filter((t) => !/closed|archived|finished/i.test(t.status))
    .slice(0, max)
    .map((t) => ({ marketplace, chatId: t.chatId }));
}

/** How many seller messages each marketplace holds now: the seeded ones are not replies. */
export function sellerBaseline(sb: RunningSandbox): Record<MarketplaceId, number> {
  return Object.fromEntries(MARKETPLACES.map((m) => [m, sb.control.sellerMessages(m).length])) as Record<
    MarketplaceId,
    number
  >;
}

function newSellerMessages(sb: RunningSandbox, baseline: Record<MarketplaceId, number>) {
  return MARKETPLACES.flatMap((marketplace) =>
    sb.control
      .sellerMessages(marketplace)
      .slice(baseline[marketplace])
      .map((m) => ({ marketplace, chatId: m.chatId, tag: TAG.exec(m.text)?.[1] })),
  );
}

/**
 * Buyers who write one message every 150–300 ms in a chat picked at random. A buyer asks again
 * in a chat only once the last question there was answered: the redelivery rule counts a buyer
 * message answered as soon as any seller message follows it, so a reply to an earlier question
 * written after a later one would count for both — a limit of that rule, not what this test is
 * about.
 */
export class Buyers {
  readonly written: Written[] = [];
  readonly #open = new Map<string, string>();
  #timer: NodeJS.Timeout | undefined;
  #count = 0;

  constructor(
    private readonly sb: RunningSandbox,
    private readonly chats: ChatRef[],
    private readonly baseline: Record<MarketplaceId, number>,
    private readonly random: () => number,
  ) {}

  start(): void {
    const tick = () => {
      this.#writeOne();
      this.#timer = setTimeout(tick, between(this.random, 150, 300));
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #writeOne(): void {
    const answered = new Set(newSellerMessages(this.sb, this.baseline).map((m) => m.tag));
    for (const [key, messageId] of this.#open) if (answered.has(messageId)) this.#open.delete(key);
    const idle = this.chats.filter((c) => !this.#open.has(`${c.marketplace}/${c.chatId}`));
    if (idle.length === 0) return;
    const chat = idle[Math.floor(this.random() * idle.length)]!;
    this.#count += 1;
    const { messageId } = this.sb.control.buyerWrite(chat.marketplace, {
      chatId: chat.chatId,
      text: `Question ${this.#count}: is it in stock?`,
    });
    this.#open.set(`${chat.marketplace}/${chat.chatId}`, messageId);
    this.written.push({ ...chat, messageId });
  }
}

const key = (marketplace: string, messageId: string) => `${marketplace}/${messageId}`;

/** True once every written buyer message has at least one reply in the sandbox. */
export function allAnswered(sb: RunningSandbox, baseline: Record<MarketplaceId, number>, written: Written[]) {
  const replies = new Set(newSellerMessages(sb, baseline).map((m) => key(m.marketplace, m.tag ?? '')));
  return written.every((w) => replies.has(key(w.marketplace, w.messageId)));
}

export interface Verdict {
  problems: string[];
  events: number;
  redelivered: number;
  /** Events that came from a push notification. */
  pushed: number;
  replies: number;
}

/**
 * Checks the restart semantics for every buyer message: exactly one reply in the sandbox; seen
 * by the flow under exactly one event id, at least once, and at most once not marked
 * redelivered. Also: no reply that answers nothing, and no event for a message no buyer wrote.
 */
export function verdict(
  sb: RunningSandbox,
  baseline: Record<MarketplaceId, number>,
  written: Written[],
  events: RecordedEvent[],
): Verdict {
  const problems: string[] = [];
  const replies = newSellerMessages(sb, baseline);
  const replyCount = new Map<string, number>();
  for (const r of replies) {
    if (!r.tag) {
      problems.push(`${r.marketplace} chat ${r.chatId}: a seller message that answers no buyer message`);
      continue;
    }
    const k = key(r.marketplace, r.tag);
    replyCount.set(k, (replyCount.get(k) ?? 0) + 1);
  }
  const byMessage = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    const k = key(e.marketplace, e.messageId);
    byMessage.set(k, [...(byMessage.get(k) ?? []), e]);
  }
  const known = new Set(written.map((w) => key(w.marketplace, w.messageId)));
  for (const w of written) {
    const k = key(w.marketplace, w.messageId);
    const where = `${w.marketplace} chat ${w.chatId} message ${w.messageId}`;
    const n = replyCount.get(k) ?? 0;
    if (n !== 1) problems.push(`${where}: ${n} replies (want 1)`);
    const seen = byMessage.get(k) ?? [];
    if (seen.length === 0) problems.push(`${where}: never reached the flow`);
    const ids = new Set(seen.map((e) => e.eventId));
    if (ids.size > 1) problems.push(`${where}: ${ids.size} event ids (${[...ids].join(', ')})`);
    const firsts = seen.filter((e) => e.redelivered !== true).length;
    if (firsts > 1) problems.push(`${where}: reached the flow ${firsts} times not marked redelivered`);
  }
  for (const k of replyCount.keys())
    if (!known.has(k)) problems.push(`${k}: a reply to a message no buyer wrote in this test`);
  for (const k of byMessage.keys())
    if (!known.has(k)) problems.push(`${k}: an event for a message no buyer wrote in this test`);
  return {
    problems,
    events: events.length,
    redelivered: events.filter((e) => e.redelivered === true).length,
    pushed: events.filter((e) => e.source === 'push').length,
    replies: replies.length,
  };
}
