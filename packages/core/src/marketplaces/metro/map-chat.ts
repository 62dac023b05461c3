import { MarketplaceError } from '../../errors/errors.js';
import type { Chat, ChatStatus } from '../../model/chat.js';
import { toIsoUtc } from '../../time/iso.js';
import type { MetroChat } from './wire.js';

const STATUS: Readonly<Record<string, ChatStatus>> = {
  DRAFT: 'new',
  WAITING_FOR_SELLER: 'waiting_for_seller',
  WAITING_FOR_BUYER: 'waiting_for_buyer',
  // Over SLA still waits for the seller; the urgency stays visible in marketplaceStatus.
  OVER_SLA: 'waiting_for_seller',
};

/** The Metro statuses a normalised status stands for, for the `filters[statuses][]` query. */
export const METRO_STATUSES_FOR: Readonly<Partial<Record<ChatStatus, string[]>>> = {
  new: ['DRAFT'],
  waiting_for_seller: ['WAITING_FOR_SELLER', 'OVER_SLA'],
  waiting_for_buyer: ['WAITING_FOR_BUYER'],
};

function optionalString(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return String(value);
}

export function fullName(person: { firstName?: string | null; lastName?: string | null } | undefined) {
  const name = [person?.firstName, person?.lastName].filter((part) => part && part.trim() !== '').join(' ');
  return name === '' ? undefined : name;
}

export function mapMetroChat(raw: MetroChat): Chat {
  if (raw === null || typeof raw !== 'object' || optionalString(raw.id) === undefined) {
    throw new MarketplaceError('Metro Markets: a chat in the response has no id', { marketplace: 'metro' });
  }
  const buyerId = optionalString(raw.buyer?.id);
  const buyerName = fullName(raw.buyer);
  return {
    marketplace: 'metro',
    id: String(raw.id),
    kind: 'order',
    status: (raw.status && STATUS[raw.status]) || 'other',
    marketplaceStatus: optionalString(raw.status),
    context: {
      orderId: optionalString(raw.order?.id),
      orderNumber: optionalString(raw.order?.orderNumber),
    },
    buyer: buyerId === undefined && buyerName === undefined ? undefined : { id: buyerId, name: buyerName },
    // What a person reads: the seller's own words first, then the category, then the subject key.
    subject:
      optionalString(raw.customSubject) ?? optionalString(raw.category?.name) ?? optionalString(raw.subject),
    unreadCount: typeof raw.unseenMessagesCount === 'number' ? raw.unseenMessagesCount : undefined,
    createdAt: toIsoUtc(raw.createdAt),
    lastMessageAt: toIsoUtc(raw.lastMessageAt),
    raw,
  };
}
