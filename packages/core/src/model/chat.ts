import type { MarketplaceId } from './marketplace.js';

export type ChatKind = 'order' | 'return' | 'direct' | 'support';

/** Normalised chat status; the marketplace's own value stays in `Chat.marketplaceStatus`. */
export type ChatStatus = 'new' | 'waiting_for_seller' | 'waiting_for_buyer' | 'closed' | 'other';

export interface ChatContext {
  orderId?: string;
  orderNumber?: string;
  postingNumber?: string;
  returnId?: string;
  campaignId?: string;
}

export interface Party {
  id?: string;
  name?: string;
}

export interface Chat {
  marketplace: MarketplaceId;
  /** Always a string, whatever the marketplace sends. */
  id: string;
  kind: ChatKind;
  status: ChatStatus;
  marketplaceStatus?: string;
  context: ChatContext;
  buyer?: Party;
  subject?: string;
  unreadCount?: number;
  /** ISO 8601 UTC. */
  createdAt?: string;
  /** ISO 8601 UTC: the marketplace's time of the last message, the watcher's change signal. */
  lastMessageAt?: string;
  /** Id of the newest message where the list says it (Ozon last_message_id). */
  lastMessageId?: string;
  /** The marketplace's object, untouched. */
  raw: unknown;
}
