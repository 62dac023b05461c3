import type { Chat, ChatKind, ChatStatus } from '../../model/chat.js';
import { toIsoUtc } from '../../time/iso.js';
import { countOf, idOf, objectOf, optionalIdOf, stringOf } from './raw.js';

/** Only Buyer_Seller chats are with buyers; Seller_Support and Seller_Notification are Ozon's own. */
export function mapOzonChatKind(chatType: string | undefined): ChatKind {
  return chatType === 'Buyer_Seller' ? 'direct' : 'support';
}

/**
 * Ozon says only Opened or Closed. An open chat with unread messages is waiting for the seller
 * (this is also what the `unread_only` filter selects, so filter and status agree); any other
 * open chat is 'other', since Ozon does not say who is expected to write next.
 */
export function mapOzonStatus(chatStatus: string | undefined, unreadCount: number | undefined): ChatStatus {
  if (chatStatus === 'Closed') return 'closed';
  if (chatStatus === 'Opened' && (unreadCount ?? 0) > 0) return 'waiting_for_seller';
  return 'other';
}

/** v3ChatInfo (`{chat:{...}, first_unread_message_id, last_message_id, unread_count}`) → Chat. */
export function mapOzonChat(raw: unknown): Chat {
  const info = objectOf(raw, 'chats[]');
  const details = objectOf(info.chat, 'chats[].chat');
  const status = stringOf(details.chat_status);
  const unreadCount = countOf(info.unread_count);
  const chat: Chat = {
    marketplace: 'ozon',
    id: idOf(details.chat_id, 'chat.chat_id'),
    kind: mapOzonChatKind(stringOf(details.chat_type)),
    status: mapOzonStatus(status, unreadCount),
    context: {},
    raw,
  };
  if (status !== undefined) chat.marketplaceStatus = status;
  if (unreadCount !== undefined) chat.unreadCount = unreadCount;
  const createdAt = toIsoUtc(stringOf(details.created_at));
  if (createdAt !== undefined) chat.createdAt = createdAt;
  const lastMessageId = optionalIdOf(info.last_message_id, 'last_message_id');
  // grpc-gateway writes proto3 zero values: "0" means the chat has no message yet.
  if (lastMessageId !== undefined && !/^0+$/.test(lastMessageId)) chat.lastMessageId = lastMessageId;
  return chat;
}
