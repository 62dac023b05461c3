import type { Chat } from '../model/chat.js';
import type { ChatCreatedEvent, MessageReceivedEvent } from '../model/events.js';
import type { MarketplaceId } from '../model/marketplace.js';
import type { Message } from '../model/message.js';

/**
 * Stable ids: the same message or chat gets the same event id from a poll, a push, a retry after
 * a crash or another process, so a host can drop a repeat by id.
 */
export function messageEventId(marketplace: MarketplaceId, chatId: string, messageId: string): string {
  return `${marketplace}:msg:${chatId}:${messageId}`;
}

export function chatEventId(marketplace: MarketplaceId, chatId: string): string {
  return `${marketplace}:chat:${chatId}`;
}

export function messageReceived(chat: Chat, message: Message, source: 'poll' | 'push'): MessageReceivedEvent {
  return {
    type: 'message.received',
    id: messageEventId(chat.marketplace, chat.id, message.id),
    marketplace: chat.marketplace,
    chat,
    message,
    reply: { marketplace: chat.marketplace, chatId: chat.id, messageId: message.id },
    source,
  };
}

export function chatCreated(chat: Chat, source: 'poll' | 'push'): ChatCreatedEvent {
  return {
    type: 'chat.created',
    id: chatEventId(chat.marketplace, chat.id),
    marketplace: chat.marketplace,
    chat,
    reply: { marketplace: chat.marketplace, chatId: chat.id },
    source,
  };
}
