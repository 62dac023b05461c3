import type { ChatEvent } from '../model/events.js';
import type { Message } from '../model/message.js';
import { comparePositions, normalizeTime, type Order } from './position.js';
import type { PendingDelivery, WatcherState } from './state.js';

/**
 * The pure side of redelivery: which emitted buyer messages wait for an answer, and when a
 * seller message answers them. No I/O here; redeliver.ts reads the chats that are due.
 */

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

/** A buyer message's own event, delivered for the first time: it now waits for an answer. */
export function addPending(state: WatcherState, events: readonly ChatEvent[], dueAt: string): void {
  const pending = state.pending ?? [];
  const known = new Set(pending.map((p) => p[0]));
  for (const event of events) {
    if (event.type !== 'message.received' || event.message.sender !== 'buyer' || known.has(event.id))
      continue;
    known.add(event.id);
    const { message } = event;
    pending.push([
      event.id,
      message.chatId,
      message.id,
      normalizeTime(message.createdAt) ?? message.createdAt,
      dueAt,
      1,
    ]);
  }
  state.pending = pending;
}

/**
 * A seller message the poll itself read (so no extra call): it answers every pending message of
 * its chat that it follows. `readAfterCursor`: it was read after the chat's cursor, which is at or
 * past every message already emitted there, so an equal timestamp counts as after.
 */
export function answerPending(
  state: WatcherState,
  order: Order,
  seller: Message,
  readAfterCursor: boolean,
): void {
  const pending = state.pending;
  if (pending === undefined || pending.length === 0) return;
  const at = normalizeTime(seller.createdAt) ?? seller.createdAt;
  const left = pending.filter((p) => {
    if (p[1] !== seller.chatId) return true;
    const c = order === 'id' ? comparePositions('id', seller.id, p[2]) : comparePositions('time', at, p[3]);
    return !(c > 0 || (c === 0 && readAfterCursor));
  });
  if (left.length !== pending.length) state.pending = left;
}

export type PendingOutcome =
  | { kind: 'answered' }
  /** The message is not in the chat's latest messages any more (deleted, or the chat is gone). */
  | { kind: 'gone' }
  | { kind: 'unanswered'; message: Message };

/**
 * What a chat's latest messages (oldest first) say about one pending message. `beforeAll`: the
 * read started right after this message (Yandex messageIdFrom), so all of it follows it.
 */
export function judgePending(
  entry: PendingDelivery,
  messages: readonly Message[],
  beforeAll: boolean,
): PendingOutcome | { kind: 'fetch' } {
  const index = messages.findIndex((m) => m.id === entry[2]);
  if (index >= 0) {
    // A sorted history: everything after its place came after it, equal timestamps included.
    if (messages.some((m, i) => i > index && m.sender === 'seller')) return { kind: 'answered' };
    return { kind: 'unanswered', message: messages[index]! };
  }
  if (beforeAll) {
    return messages.some((m) => m.sender === 'seller') ? { kind: 'answered' } : { kind: 'fetch' };
  }
  const later = messages.some(
    (m) =>
      m.sender === 'seller' &&
      comparePositions('time', normalizeTime(m.createdAt) ?? m.createdAt, entry[3]) > 0,
  );
  return later ? { kind: 'answered' } : { kind: 'gone' };
}
