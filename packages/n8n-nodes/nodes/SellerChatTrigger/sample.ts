import {
  type Chat,
  type ChatEvent,
  chatEventId,
  type MarketplaceClient,
  type Message,
  messageEventId,
  type SenderRole,
  type WatcherOptions,
} from '@sellerchat/core';

/** Chats looked at for a manual-mode sample before giving up: a sample must stay cheap. */
const SAMPLE_CHATS = 10;

function senders(options: WatcherOptions): Set<SenderRole> {
  const out = new Set<SenderRole>(['buyer']);
  if (options.includeSellerMessages) out.add('seller');
  if (options.includeMarketplaceMessages) out.add('marketplace');
  if (options.includeSupportMessages) out.add('support');
  return out;
}

/** Same shape and the watcher's own ids, so a workflow built on a sample fits the real thing. */
function messageEvent(chat: Chat, message: Message): ChatEvent {
  return {
    type: 'message.received',
    id: messageEventId(chat.marketplace, chat.id, message.id),
    marketplace: chat.marketplace,
    chat,
    message,
    reply: { marketplace: chat.marketplace, chatId: chat.id, messageId: message.id },
    source: 'poll',
  };
}

function chatEvent(chat: Chat): ChatEvent {
  return {
    type: 'chat.created',
    id: chatEventId(chat.marketplace, chat.id),
    marketplace: chat.marketplace,
    chat,
    reply: { marketplace: chat.marketplace, chatId: chat.id },
    source: 'poll',
  };
}

/**
 * One real event for the editor's "fetch test event": the newest matching message of the most
 * recently active chats (or the newest chat), read without touching the trigger's state.
 */
export async function sampleEvent(
  client: MarketplaceClient,
  options: WatcherOptions,
): Promise<ChatEvent | undefined> {
  const kinds = options.chatKinds ? new Set(options.chatKinds) : undefined;
  const wanted = senders(options);
  let looked = 0;
  let firstChat: Chat | undefined;
  for await (const chat of client.iterateChats({})) {
    if (kinds && !kinds.has(chat.kind)) continue;
    firstChat ??= chat;
    if (options.events === 'chats') return chatEvent(chat);
    let newest: Message | undefined;
    for await (const message of client.iterateMessages(chat.id))
      if (wanted.has(message.sender)) newest = message;
    if (newest) return messageEvent(chat, newest);
    if (++looked >= SAMPLE_CHATS) break;
  }
  return options.events === 'both' && firstChat ? chatEvent(firstChat) : undefined;
}
