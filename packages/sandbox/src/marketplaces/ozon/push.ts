import type { PushNotification } from '../../types.js';
import type { Chat, Message } from './model.js';
import { pushUserType } from './user-type.js';

// Ozon suspends delivery when a reply takes more than 5 s (push_resending).
const TIMEOUT_MS = 5000;

function event(body: Record<string, unknown>): PushNotification {
  return { body, expect: 'ozon-event', timeoutMs: TIMEOUT_MS };
}

export function pingNotification(now: number): PushNotification {
  return {
    body: { message_type: 'TYPE_PING', time: new Date(now).toISOString() },
    expect: 'ozon-ping',
    timeoutMs: TIMEOUT_MS,
  };
}

/** Common fields; seller_id is a string as in every example (the table says int64). */
function base(type: string, chat: Chat, sellerId: string) {
  return { message_type: type, chat_id: chat.chatId, chat_type: chat.chatType, seller_id: sellerId };
}

function user(message: Message, cyrillic: boolean) {
  return { id: message.user.id, type: pushUserType(message.user.type, cyrillic) };
}

export function newMessageNotification(chat: Chat, message: Message, sellerId: string, cyrillic: boolean) {
  return event({
    ...base('TYPE_NEW_MESSAGE', chat, sellerId),
    message_id: String(message.id),
    created_at: new Date(message.createdAt).toISOString(),
    user: user(message, cyrillic),
    data: message.data,
  });
}

export function updateMessageNotification(chat: Chat, message: Message, sellerId: string, cyrillic: boolean) {
  return event({
    ...base('TYPE_UPDATE_MESSAGE', chat, sellerId),
    message_id: String(message.id),
    created_at: new Date(message.createdAt).toISOString(),
    updated_at: new Date(message.updatedAt ?? message.createdAt).toISOString(),
    user: user(message, cyrillic),
    data: message.data,
  });
}

/** `read` is the newest seller message the reader has now seen; `reader` who read it. */
export function messageReadNotification(
  chat: Chat,
  read: Message,
  reader: { id: string; type: 'customer' | 'support' },
  sellerId: string,
  cyrillic: boolean,
) {
  return event({
    ...base('TYPE_MESSAGE_READ', chat, sellerId),
    message_id: String(read.id),
    created_at: new Date(read.createdAt).toISOString(),
    user: { id: reader.id, type: pushUserType(reader.type, cyrillic) },
    last_read_message_id: String(read.id),
  });
}

export function chatClosedNotification(
  chat: Chat,
  closer: { id: string; type: 'customer' | 'support' },
  sellerId: string,
  cyrillic: boolean,
) {
  return event({
    ...base('TYPE_CHAT_CLOSED', chat, sellerId),
    user: { id: closer.id, type: pushUserType(closer.type, cyrillic) },
  });
}
