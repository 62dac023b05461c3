import type { Chat, Message } from './model.js';
import { unread } from './store.js';
import { restUserType } from './user-type.js';

/** A v3ChatInfo item. uint64 ids go out as decimal strings, counts as numbers (as the examples show). */
export function chatItem(chat: Chat): Record<string, unknown> {
  const notRead = unread(chat);
  return {
    chat: {
      chat_id: chat.chatId,
      chat_status: chat.status,
      chat_type: chat.chatType,
      created_at: new Date(chat.createdAt).toISOString(),
    },
    // proto3 zero values where there is nothing: "0" for no message id.
    first_unread_message_id: String(notRead[0]?.id ?? 0n),
    last_message_id: String(chat.messages.at(-1)?.id ?? 0n),
    unread_count: notRead.length,
  };
}

/** A v3ChatMessage. Fields without a value carry proto3 zero values, as grpc-gateway emits them. */
export function messageView(
  chat: Chat,
  message: Message,
  cyrillicCustomer: boolean,
): Record<string, unknown> {
  return {
    message_id: String(message.id),
    created_at: new Date(message.createdAt).toISOString(),
    data: message.data,
    is_image: message.isImage,
    is_read: message.isRead,
    moderate_image_status: 'SUCCESS',
    context: { order_number: chat.posting?.orderNumber ?? '', sku: chat.posting?.sku ?? '' },
    user: { id: message.user.id, type: restUserType(message.user.type, cyrillicCustomer) },
  };
}
