// What every buyer message must have produced once a disturbed host has caught up: exactly one
// reply and one event id. Judged from the sandbox's own record, so a host that lost or doubled a
// message cannot hide it.
import type { RunningSandbox } from '../server/launch-sandbox.js';
import type { Written } from './buyer-load.js';
import { repliesSince, type SellerBaseline } from './seller-replies.js';

/** What a flow under test reports for every event, before it replies. */
export interface RecordedEvent {
  eventId: string;
  messageId: string;
  chatId: string;
  marketplace: string;
  redelivered?: boolean | null;
  /** 'poll' or 'push'. */
  source?: string;
}

export interface Verdict {
  problems: string[];
  events: number;
  redelivered: number;
  /** Events that came from a push notification. */
  pushed: number;
  replies: number;
}

const key = (marketplace: string, messageId: string) => `${marketplace}/${messageId}`;

/** True once every written buyer message has at least one reply in the sandbox. */
export function allAnswered(sb: RunningSandbox, baseline: SellerBaseline, written: Written[]): boolean {
  const replies = new Set(repliesSince(sb, baseline).map((r) => key(r.marketplace, r.answers ?? '')));
  return written.every((w) => replies.has(key(w.marketplace, w.messageId)));
}

/**
 * Checks the restart semantics for every buyer message: exactly one reply in the sandbox; seen
 * by the flow under exactly one event id, at least once, and at most once not marked
 * redelivered. Also: no reply that answers nothing, and no event for a message no buyer wrote.
 */
export function verdict(
  sb: RunningSandbox,
  baseline: SellerBaseline,
  written: Written[],
  events: RecordedEvent[],
): Verdict {
  const problems: string[] = [];
  const replies = repliesSince(sb, baseline);
  const replyCount = new Map<string, number>();
  for (const r of replies) {
    if (!r.answers) {
      problems.push(`${r.marketplace} chat ${r.chatId}: a seller message that answers no buyer message`);
      continue;
    }
    const k = key(r.marketplace, r.answers);
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
