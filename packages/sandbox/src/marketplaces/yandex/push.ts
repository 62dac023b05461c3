import type { PushNotification } from '../../types.js';
import type { Chat, Message } from './model.js';
import { pushTime } from './time.js';

// Y-NOTIF paths/notification.yaml: 1 s to answer PING, 10 s for everything else.
const PING_TIMEOUT_MS = 1000;
const EVENT_TIMEOUT_MS = 10_000;

function event(body: Record<string, unknown>): PushNotification {
  return { body, expect: 'yandex-event', timeoutMs: EVENT_TIMEOUT_MS };
}

export function pingNotification(now: number): PushNotification {
  return {
    body: { notificationType: 'PING', time: pushTime(now) },
    expect: 'yandex-ping',
    timeoutMs: PING_TIMEOUT_MS,
  };
}

export function chatCreatedNotification(chat: Chat): PushNotification {
  return event({
    notificationType: 'CHAT_CREATED',
    chatId: chat.chatId,
    businessId: chat.businessId,
    createdAt: pushTime(chat.createdAt),
  });
}

/** messageId is a STRING here although it is an integer in the REST API (the spec says so). */
export function messageSentNotification(chat: Chat, message: Message): PushNotification {
  return event({
    notificationType: 'CHAT_MESSAGE_SENT',
    chatId: chat.chatId,
    messageId: String(message.messageId),
    businessId: chat.businessId,
    sentAt: pushTime(message.createdAt),
  });
}

export function arbitrageStartedNotification(chat: Chat, at: number): PushNotification {
  return event({
    notificationType: 'CHAT_ARBITRAGE_STARTED',
    chatId: chat.chatId,
    businessId: chat.businessId,
    startedAt: pushTime(at),
  });
}

export function arbitrageFinishedNotification(chat: Chat, at: number): PushNotification {
  return event({
    notificationType: 'CHAT_ARBITRAGE_FINISHED',
    chatId: chat.chatId,
    businessId: chat.businessId,
    finishedAt: pushTime(at),
  });
}
