import type { Chat } from '../model/chat.js';
import type { ChatEvent } from '../model/events.js';
import type { Message } from '../model/message.js';
import { chatCreated, messageReceived } from './event-ids.js';
import type { ResolvedOptions } from './options.js';
import { answerPending } from './pending.js';
import { comparePositions, maxPosition, normalizeTime, type Order, shiftTime } from './position.js';
import type { WatcherState } from './state.js';

/**
 * The pure heart of the watcher: given what a listing or a push says about a chat and the
 * messages read from it, decide what is new, emit it once, and move the state. No I/O here;
 * poll.ts and the push handlers do the reading.
 */
export interface Tracker {
  readonly order: Order;
  readonly options: ResolvedOptions;
  /** A working copy; the caller's state object is never changed. */
  readonly state: WatcherState;
  /** First run `{ since }` where positions are ids (Ozon): messages before it are old. */
  readonly since?: string;
  readonly events: ChatEvent[];
  /** Sort keys of `events` (marketplace time), kept apart so events stay plain model objects. */
  readonly eventTimes: Map<ChatEvent, string>;
  readonly recent: Set<string>;
  /** Chats last active at or after this are still settling; taken from the state before this call. */
  readonly hotFrom?: string;
}

export function createTracker(
  state: WatcherState,
  order: Order,
  options: ResolvedOptions,
  since?: string,
): Tracker {
  return {
    order,
    options,
    state,
    ...(since === undefined ? {} : { since }),
    events: [],
    eventTimes: new Map(),
    recent: new Set(state.recent),
    ...(order === 'time' && state.watermark !== undefined
      ? { hotFrom: shiftTime(state.watermark, -options.settleMs) }
      : {}),
  };
}

/** Where a listed chat stands: its last activity time, or (Ozon) its last message id. */
export function chatPosition(order: Order, chat: Chat): string | undefined {
  if (order === 'id') return chat.lastMessageId;
  const at = chat.lastMessageAt ?? chat.createdAt;
  return at === undefined ? undefined : normalizeTime(at);
}

export function messagePosition(order: Order, message: Message): string {
  return order === 'id' ? message.id : (normalizeTime(message.createdAt) ?? message.createdAt);
}

export type ReadPlan =
  | { read: false }
  /** `known`: the chat's place is remembered, so every message after `after` is new. */
  | { read: true; known: true; after?: string }
  /** Not remembered: read its history and keep only what lies beyond the floor. */
  | { read: true; known: false };

const SKIP: ReadPlan = { read: false };

/**
 * Close to the newest activity seen: a message with the same timestamp may still appear, so the
 * chat is read again even when its listing looks unchanged. Only for time positions; ids are exact.
 */
export function isHot(t: Tracker, position: string): boolean {
  return t.hotFrom !== undefined && comparePositions('time', position, t.hotFrom) >= 0;
}

function edgeOf(t: Tracker, chatId: string): string | undefined {
  return t.state.floor.edge[chatId] ?? t.state.floor.edge['*'];
}

/** Records the newest position a listing showed: where the next time-filtered listing starts. */
export function noteListed(t: Tracker, chat: Chat): void {
  const position = chatPosition(t.order, chat);
  t.state.watermark = maxPosition(t.order, t.state.watermark, position);
}

export function planChat(t: Tracker, chat: Chat): ReadPlan {
  const position = chatPosition(t.order, chat);
  const cursor = t.state.chats[chat.id];
  if (cursor !== undefined) {
    if (!t.options.messages) return SKIP;
    const changed = position !== undefined && comparePositions(t.order, position, cursor[1]) !== 0;
    if (changed || isHot(t, cursor[1])) return { read: true, known: true, after: cursor[0] || undefined };
    return SKIP;
  }
  if (position === undefined) return SKIP;
  const at = t.state.floor.at;
  if (at === undefined) return { read: true, known: false };
  const c = comparePositions(t.order, position, at);
  if (c < 0) return SKIP;
  const edge = edgeOf(t, chat.id);
  if (c === 0 && edge !== undefined && !isHot(t, position)) return SKIP;
  if (edge !== undefined && edge !== '*' && t.options.messages)
    return { read: true, known: true, after: edge };
  // Without messages to follow, a time-ordered chat's creation time says whether it is new.
  if (!t.options.messages && t.order === 'time' && chat.createdAt !== undefined) {
    return { read: false };
  }
  return { read: true, known: false };
}

/** Beyond the floor (and the first run's `since`): never handled before. */
export function messageIsNew(t: Tracker, chatId: string, message: Message): boolean {
  if (t.since !== undefined && (normalizeTime(message.createdAt) ?? message.createdAt) < t.since)
    return false;
  const at = t.state.floor.at;
  if (at === undefined) return true;
  const c = comparePositions(t.order, messagePosition(t.order, message), at);
  if (c !== 0) return c > 0;
  // Same position as the floor: new unless this chat was let go exactly there.
  return edgeOf(t, chatId) === undefined;
}

/** Created after the floor: a chat this watcher has never known. */
export function chatIsNew(t: Tracker, chat: Chat, messages: readonly Message[]): boolean {
  const first = messages[0];
  const created = normalizeTime(chat.createdAt ?? first?.createdAt ?? '');
  if (t.since !== undefined && (created === undefined || created < t.since)) return false;
  const at = t.state.floor.at;
  if (at === undefined) return created !== undefined || first !== undefined;
  if (t.order === 'id') return first !== undefined && comparePositions('id', first.id, at) > 0;
  if (created === undefined) return false;
  const c = comparePositions('time', created, at);
  if (c !== 0) return c > 0;
  return edgeOf(t, chat.id) === undefined;
}

/** Emits once per tracker and remembers the id; `time` orders events (marketplace time). */
export function emit(t: Tracker, event: ChatEvent, time: string): void {
  if (t.recent.has(event.id)) return;
  t.recent.add(event.id);
  t.state.recent.push(event.id);
  t.events.push(event);
  t.eventTimes.set(event, time);
}

/**
 * Takes in one chat after its messages (oldest first, as planned) were read: emits what is new
 * and remembers the chat's last message and position. `messages` must be everything the plan
 * asked for, or the cursor would skip what was not read.
 */
export function acceptChat(
  t: Tracker,
  chat: Chat,
  plan: ReadPlan,
  messages: readonly Message[],
  source: 'poll' | 'push',
): void {
  const cursor = t.state.chats[chat.id];
  let lastId = plan.read && plan.known ? (plan.after ?? '') : (cursor?.[0] ?? '');
  // The listing's position, so an unchanged chat compares equal next time; a message read after
  // the listing was taken moves it on (floors built from it must cover every handled message).
  let position = chatPosition(t.order, chat) ?? cursor?.[1];
  const known = cursor !== undefined || (plan.read && plan.known);
  if (!known && t.options.chats && chatIsNew(t, chat, messages)) {
    const created = normalizeTime(chat.createdAt ?? messages[0]?.createdAt ?? '') ?? '';
    emit(t, chatCreated(chat, source), created);
  }
  const afterCursor = plan.read && plan.known && plan.after !== undefined;
  for (const message of messages) {
    lastId = message.id;
    position = maxPosition(t.order, position, messagePosition(t.order, message));
    // A reply read anyway settles what waits for one in this chat: no redelivery check needed.
    if (message.sender === 'seller' && t.state.pending) answerPending(t.state, t.order, message, afterCursor);
    if (!known && !messageIsNew(t, chat.id, message)) continue;
    if (!t.options.messages || !t.options.senders.has(message.sender)) continue;
    emit(t, messageReceived(chat, message, source), normalizeTime(message.createdAt) ?? message.createdAt);
  }
  if (position === undefined) return;
  t.state.chats[chat.id] = [lastId, position];
  delete t.state.floor.edge[chat.id];
}

/**
 * A listed chat whose history is not read (only new chats are watched): a tracked chat moves
 * to its new position; an unknown one created beyond the floor is announced and tracked.
 */
export function touchChat(t: Tracker, chat: Chat, source: 'poll' | 'push'): void {
  const position = chatPosition(t.order, chat);
  const cursor = t.state.chats[chat.id];
  if (cursor !== undefined) {
    if (position !== undefined) cursor[1] = position;
    return;
  }
  if (position === undefined || !chatIsNew(t, chat, [])) return;
  if (t.options.chats) emit(t, chatCreated(chat, source), normalizeTime(chat.createdAt ?? '') ?? position);
  t.state.chats[chat.id] = ['', position];
  delete t.state.floor.edge[chat.id];
}

/**
 * A single message learnt of without reading the chat's history (a thin push about a chat the
 * state does not track): emitted if beyond the floor, remembered by id only, so the next poll,
 * reading the history, does not emit it again.
 */
export function acceptLoneMessage(t: Tracker, chat: Chat, message: Message, source: 'poll' | 'push'): void {
  if (!t.options.messages || !t.options.senders.has(message.sender)) return;
  if (!messageIsNew(t, chat.id, message)) return;
  emit(t, messageReceived(chat, message, source), normalizeTime(message.createdAt) ?? message.createdAt);
}

/** Events in marketplace time order; a chat's creation before its first message. */
export function sortedEvents(t: Tracker): ChatEvent[] {
  const rank = (e: ChatEvent) => (e.type === 'chat.created' ? 0 : 1);
  return t.events
    .map((event, index) => ({ event, index, time: t.eventTimes.get(event) ?? '' }))
    .sort((a, b) => {
      if (a.time !== b.time) return a.time < b.time ? -1 : 1;
      if (a.event.reply.chatId === b.event.reply.chatId && rank(a.event) !== rank(b.event)) {
        return rank(a.event) - rank(b.event);
      }
      return a.index - b.index;
    })
    .map((x) => x.event);
}
