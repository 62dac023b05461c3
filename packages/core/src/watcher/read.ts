import type { MarketplaceClient } from '../marketplaces/client.js';
import type { Chat } from '../model/chat.js';
import type { Message } from '../model/message.js';
import type { ResolvedOptions } from './options.js';

/** A chat's messages after `after` (all of them without it), oldest first, in the largest pages allowed. */
export async function readMessages(
  client: MarketplaceClient,
  chatId: string,
  after?: string,
): Promise<Message[]> {
  const limit = client.capabilities.paging.messagesMax ?? undefined;
  const messages: Message[] = [];
  const options = { ...(after === undefined ? {} : { afterMessageId: after }), ...(limit ? { limit } : {}) };
  for await (const message of client.iterateMessages(chatId, options)) messages.push(message);
  return messages;
}

export function kindAllowed(options: ResolvedOptions, chat: Chat): boolean {
  return options.chatKinds === undefined || options.chatKinds.has(chat.kind);
}
