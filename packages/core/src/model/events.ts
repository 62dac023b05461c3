import type { Chat } from './chat.js';
import type { MarketplaceId } from './marketplace.js';
import type { Message } from './message.js';

/** What a host needs to answer in the same chat, with no other configuration. */
export interface ReplyContext {
  marketplace: MarketplaceId;
  chatId: string;
  /** The message being answered, where there is one. */
  messageId?: string;
}

export interface ChatCreatedEvent {
  type: 'chat.created';
  /** Stable id: the same event always has the same id, across polls, pushes and restarts. */
  id: string;
  marketplace: MarketplaceId;
  chat: Chat;
  reply: ReplyContext;
  source: 'poll' | 'push';
}

export interface MessageReceivedEvent {
  type: 'message.received';
  id: string;
  marketplace: MarketplaceId;
  chat: Chat;
  message: Message;
  reply: ReplyContext;
  source: 'poll' | 'push';
  /**
   * Set only when the watcher's opt-in `redeliver` emits this message again because no seller
   * message followed it in its chat: the earlier delivery may have died with the host before
   * the flow replied. The id is the first delivery's, so a flow that did reply elsewhere can
   * drop the repeat by id.
   */
  redelivered?: true;
}

export type ChatEvent = ChatCreatedEvent | MessageReceivedEvent;
export type ChatEventType = ChatEvent['type'];
