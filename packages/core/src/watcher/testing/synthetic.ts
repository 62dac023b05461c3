import type { Chat } from '../../model/chat.js';
import type { MarketplaceId } from '../../model/marketplace.js';
import type { Message, SenderRole } from '../../model/message.js';
import { resolveOptions, type WatcherOptions } from '../options.js';
import type { Order } from '../position.js';
import { WATCHER_STATE_VERSION, type WatcherState } from '../state.js';
import { createTracker, type Tracker } from '../track.js';

/** Model objects for the pure state tests: no client, no HTTP. */
export function chatOf(id: string, lastMessageAt: string | undefined, extra: Partial<Chat> = {}): Chat {
  return {
    marketplace: 'metro',
    id,
    kind: 'order',
    status: 'waiting_for_seller',
    context: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    ...(lastMessageAt === undefined ? {} : { lastMessageAt }),
    raw: null,
    ...extra,
  };
}

export function messageOf(
  chatId: string,
  id: string,
  createdAt: string,
  sender: SenderRole = 'buyer',
): Message {
  return {
    marketplace: 'metro',
    id,
    chatId,
    sender,
    text: `text ${id}`,
    createdAt,
    attachments: [],
    raw: null,
  };
}

export function stateAt(
  floorAt: string | undefined,
  extra: Partial<WatcherState> = {},
  marketplace: MarketplaceId = 'metro',
): WatcherState {
  return {
    version: WATCHER_STATE_VERSION,
    marketplace,
    follows: 'messages',
    floor: floorAt === undefined ? { edge: {} } : { at: floorAt, edge: {} },
    chats: {},
    recent: [],
    polls: 1,
    ...(floorAt === undefined ? {} : { watermark: floorAt }),
    ...extra,
  };
}

export function trackerFor(
  state: WatcherState,
  options: WatcherOptions = {},
  order: Order = 'time',
): Tracker {
  return createTracker(state, order, resolveOptions(state.marketplace, options));
}
