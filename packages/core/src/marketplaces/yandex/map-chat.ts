import type { Chat, ChatKind, ChatStatus } from '../../model/chat.js';
import { requireIsoUtc, toIsoUtc } from '../../time/iso.js';
import { idOf, objectOf, stringOf } from './raw.js';

const STATUS: Readonly<Record<string, ChatStatus>> = {
  NEW: 'new',
  WAITING_FOR_PARTNER: 'waiting_for_seller',
  WAITING_FOR_CUSTOMER: 'waiting_for_buyer',
  FINISHED: 'closed',
};

const KIND: Readonly<Record<string, ChatKind>> = { ORDER: 'order', RETURN: 'return', DIRECT: 'direct' };

/** Our statuses as Yandex statuses, for the getChats `statuses` filter. 'other' is every status we do not name. */
export const YANDEX_STATUSES_OF: Readonly<Record<ChatStatus, readonly string[]>> = {
  new: ['NEW'],
  waiting_for_seller: ['WAITING_FOR_PARTNER'],
  waiting_for_buyer: ['WAITING_FOR_CUSTOMER'],
  closed: ['FINISHED'],
  other: ['WAITING_FOR_ARBITER', 'WAITING_FOR_MARKET'],
};

export function mapYandexStatus(status: string | undefined): ChatStatus {
  return (status !== undefined && STATUS[status]) || 'other';
}

/** GetChatInfoDTO → Chat. `updatedAt` is documented as the time of the last message. */
export function mapYandexChat(raw: unknown): Chat {
  const dto = objectOf(raw, 'chat');
  const context = objectOf(dto.context ?? {}, 'chat.context');
  const customer = objectOf(context.customer ?? {}, 'chat.context.customer');
  const status = stringOf(dto.status);
  const contextType = stringOf(context.type);
  const chat: Chat = {
    marketplace: 'yandex',
    id: idOf(dto.chatId, 'chatId'),
    kind: (contextType !== undefined && KIND[contextType]) || 'direct',
    status: mapYandexStatus(status),
    context: {},
    createdAt: requireIsoUtc(stringOf(dto.createdAt), 'yandex', 'chat.createdAt'),
    raw,
  };
  if (status !== undefined) chat.marketplaceStatus = status;
  const orderId = context.orderId ?? dto.orderId;
  if (orderId !== undefined && orderId !== null) chat.context.orderId = idOf(orderId, 'context.orderId');
  if (context.returnId !== undefined && context.returnId !== null) {
    chat.context.returnId = idOf(context.returnId, 'context.returnId');
  }
  if (context.campaignId !== undefined && context.campaignId !== null) {
    chat.context.campaignId = idOf(context.campaignId, 'context.campaignId');
  }
  const buyerId = stringOf(customer.publicId);
  const buyerName = stringOf(customer.name);
  if (buyerId !== undefined || buyerName !== undefined) {
    chat.buyer = {};
    if (buyerId !== undefined) chat.buyer.id = buyerId;
    if (buyerName !== undefined) chat.buyer.name = buyerName;
  }
  const lastMessageAt = toIsoUtc(stringOf(dto.updatedAt));
  if (lastMessageAt !== undefined) chat.lastMessageAt = lastMessageAt;
  return chat;
}
