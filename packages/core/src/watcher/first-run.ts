import type { MarketplaceClient } from '../marketplaces/client.js';
import type { Chat } from '../model/chat.js';
import type { Message } from '../model/message.js';
import { compactState } from './compact.js';
import { messageReceived } from './event-ids.js';
import type { ResolvedOptions } from './options.js';
import { comparePositions, normalizeTime } from './position.js';
import { kindAllowed, readMessages } from './read.js';
import { type PollResult, runPoll } from './run-poll.js';
import { WATCHER_STATE_VERSION, type WatcherState } from './state.js';
import type { ChangeStrategy } from './strategies/index.js';
import { acceptChat, chatPosition, createTracker, emit, sortedEvents } from './track.js';

function emptyState(client: MarketplaceClient, options: ResolvedOptions): WatcherState {
  return {
    version: WATCHER_STATE_VERSION,
    marketplace: client.marketplace,
    follows: options.messages ? 'messages' : 'chats',
    floor: { edge: {} },
    chats: {},
    recent: [],
    polls: 0,
  };
}

/** Could hold unread buyer messages: by its unread count where the marketplace gives one, else by status. */
function mayHaveUnread(chat: Chat): boolean {
  if (chat.unreadCount !== undefined) return chat.unreadCount > 0;
  return chat.status !== 'closed' && chat.status !== 'waiting_for_buyer';
}

/**
 * Buyer messages not read yet. Where the listing counts them (Metro unseenMessagesCount, Ozon
 * unread_count) the count decides: the chat's last `unreadCount` buyer messages, because Metro
 * shows messages as seen in the very answer that reads them. Otherwise the messages' own flags
 * decide (Storeden read_by), and where there are none (Yandex) a buyer message nobody answered
 * yet counts as unread: it comes after the chat's last seller message.
 */
export function unreadBuyerMessages(messages: readonly Message[], unreadCount?: number): Message[] {
  if (unreadCount !== undefined) {
    return unreadCount > 0 ? messages.filter((m) => m.sender === 'buyer').slice(-unreadCount) : [];
  }
  let lastSeller = -1;
  messages.forEach((m, i) => {
    if (m.sender === 'seller') lastSeller = i;
  });
  return messages.filter(
    (m, i) =>
      m.sender === 'buyer' &&
      (m.isRead === false || (m.isRead === undefined && m.readAt === undefined && i > lastSeller)),
  );
}

/**
 * The very first call, with no saved state. `'now'` and `'unread'` list every chat once to find
 * where "now" is in the marketplace's own data (its newest activity), and set the floor there;
 * `{ since }` sets the floor at that time and polls as usual (on Ozon, whose positions are ids,
 * it reads every chat once and keeps messages from that time on).
 */
export async function runFirstPoll(
  client: MarketplaceClient,
  strategy: ChangeStrategy,
  options: ResolvedOptions,
): Promise<PollResult> {
  const state = emptyState(client, options);
  const firstRun = options.firstRun;
  if (typeof firstRun === 'object') {
    if (strategy.order === 'time') {
      state.floor = { at: firstRun.since, edge: {} };
      return runPoll(client, strategy, state, options);
    }
    return runPoll(client, strategy, state, options, firstRun.since);
  }
  const t = createTracker(state, strategy.order, options);
  let newest: string | undefined;
  let top: Chat[] = [];
  const unread: Chat[] = [];
  const listing = strategy.all(client);
  for await (const chat of listing.chats) {
    if (!kindAllowed(options, chat)) continue;
    const position = chatPosition(strategy.order, chat);
    if (position === undefined) continue;
    const c = newest === undefined ? 1 : comparePositions(strategy.order, position, newest);
    if (c > 0) {
      newest = position;
      top = [chat];
    } else if (c === 0) top.push(chat);
    if (firstRun === 'unread' && options.messages && mayHaveUnread(chat)) unread.push(chat);
  }
  const order = listing.order();
  if (order !== undefined) state.listOrder = order;
  if (newest !== undefined) {
    state.watermark = newest;
    state.floor = { at: newest, edge: {} };
  }
  const read = new Map<string, { chat: Chat; messages: Message[] }>();
  for (const chat of unread) {
    const messages = await readMessages(client, chat.id);
    for (const message of unreadBuyerMessages(messages, chat.unreadCount)) {
      emit(t, messageReceived(chat, message, 'poll'), normalizeTime(message.createdAt) ?? message.createdAt);
    }
    read.set(chat.id, { chat, messages });
  }
  // The chats at exactly "now": pin their last message, so a message sharing that timestamp
  // after activation is still new. Where reading has a side effect (Metro marks messages seen)
  // they are not read: every message at that instant in them counts as old.
  const readFree = client.capabilities.markRead !== 'implicit-on-read';
  for (const chat of top) {
    state.floor.edge[chat.id] = strategy.order === 'id' ? (chat.lastMessageId ?? '*') : '*';
    if (strategy.order === 'time' && readFree && options.messages && !read.has(chat.id)) {
      read.set(chat.id, { chat, messages: await readMessages(client, chat.id) });
    }
  }
  // Whatever was read is tracked from its last message; anything written since "now" is emitted.
  for (const { chat, messages } of read.values()) {
    acceptChat(t, chat, { read: true, known: false }, messages, 'poll');
  }
  state.polls = 1;
  compactState(state, strategy.order, options);
  return { events: sortedEvents(t), state };
}
