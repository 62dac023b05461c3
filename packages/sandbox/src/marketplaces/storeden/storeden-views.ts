import type { ThreadMessage, ThreadSummary } from '../../types.js';
import { formatStoredenDate } from './storeden-dates.js';
import { MERCHANT_ID, type StoredenConversation, type StoredenMessage } from './storeden-store.js';

/** One entry of GET /messages/chat_list.json. */
export function chatListEntry(conversation: StoredenConversation, offset: number): Record<string, unknown> {
  const last = conversation.messages[conversation.messages.length - 1];
  return {
    name: conversation.name,
    with_id: conversation.withId,
    last_message_at: last ? formatStoredenDate(last.sentAt, offset) : '',
    last_message_content: last?.text ?? '',
  };
}

/** One message of GET /messages/chat.json, with `read_by` "" meaning not read yet. */
export function apiMessage(
  conversation: StoredenConversation,
  message: StoredenMessage,
  offset: number,
): Record<string, unknown> {
  const date = (ms: number | null): string => (ms === null ? '' : formatStoredenDate(ms, offset));
  return {
    from_id: message.fromMyself ? MERCHANT_ID : conversation.withId,
    from_myself: message.fromMyself,
    message: message.text,
    send_date: formatStoredenDate(message.sentAt, offset),
    message_id: message.id,
    read_by: {
      myself_id: date(message.readByMerchantAt),
      with_id: date(message.readByBuyerAt),
    },
  };
}

export function threadMessage(message: StoredenMessage): ThreadMessage {
  return {
    id: message.id,
    from: message.fromMyself ? 'seller' : 'buyer',
    text: message.text,
    at: new Date(message.sentAt).toISOString(),
    attachments: [],
  };
}

export function threadSummary(conversation: StoredenConversation): ThreadSummary {
  const last = conversation.messages[conversation.messages.length - 1];
  return {
    chatId: String(conversation.withId),
    title: conversation.name,
    // Storeden has no chat status; the page shows who is expected to write next.
    status: last && !last.fromMyself ? 'awaiting reply' : 'answered',
    ...(last ? { lastMessageAt: new Date(last.sentAt).toISOString() } : {}),
    context: { with_id: String(conversation.withId) },
  };
}
