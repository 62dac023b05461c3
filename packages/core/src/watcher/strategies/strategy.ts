import type { MarketplaceClient } from '../../marketplaces/client.js';
import type { Chat } from '../../model/chat.js';
import type { MarketplaceId } from '../../model/marketplace.js';
import type { ResolvedOptions } from '../options.js';
import type { Order } from '../position.js';
import type { WatcherState } from '../state.js';

/** Chats to compare with the state, and what the pass showed about the list's order once iterated. */
export interface Listing {
  chats: AsyncIterable<Chat>;
  /**
   * 'activity': a complete pass came newest activity first; 'unknown': a page broke that order;
   * undefined: nothing learnt (a filtered or stopped pass).
   */
  order(): 'activity' | 'unknown' | undefined;
}

/**
 * How one marketplace tells what changed. A strategy only lists; the poll compares each listed
 * chat with the state and reads the history of those that moved, from their last seen message.
 */
export interface ChangeStrategy {
  readonly marketplace: MarketplaceId;
  /** What positions are: marketplace times, or (Ozon) message ids. */
  readonly order: Order;
  /** The chats a poll compares: every chat that may have changed since `state` must be among them. */
  changed(client: MarketplaceClient, state: WatcherState, options: ResolvedOptions): Listing;
  /** Every chat: first runs. */
  all(client: MarketplaceClient): Listing;
  /**
   * How one read reaches a chat's latest messages, for redelivery checks: 'newest-page' when a
   * history read without a cursor gives the newest messages (Metro: the whole history; Ozon,
   * Storeden: the newest page); 'from-message' when history runs from the chat's start and is
   * read from a known message on (Yandex messageIdFrom).
   */
  readonly tail: 'newest-page' | 'from-message';
}

/** Largest pages the marketplace allows: fewer calls per poll. */
export function pageSize(client: MarketplaceClient): number | undefined {
  return client.capabilities.paging.chatsMax ?? undefined;
}

export function listChats(
  client: MarketplaceClient,
  filters: { lastMessageFrom?: string } = {},
): AsyncIterable<Chat> {
  const limit = pageSize(client);
  return client.iterateChats({ ...(limit === undefined ? {} : { limit }), ...filters });
}

export function plainListing(chats: AsyncIterable<Chat>): Listing {
  return { chats, order: () => undefined };
}

export async function* concat<T>(...sources: AsyncIterable<T>[]): AsyncIterable<T> {
  for (const source of sources) yield* source;
}
