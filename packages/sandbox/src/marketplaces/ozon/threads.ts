import type { ThreadMessage, ThreadSummary } from '../../types.js';
import type { Chat, Message, UserType } from './model.js';
import { lastActivity } from './store.js';

const FROM: Record<UserType, ThreadMessage['from']> = {
  customer: 'buyer',
  seller: 'seller',
  crm: 'marketplace',
  courier: 'marketplace',
  support: 'support',
};

export function summary(chat: Chat): ThreadSummary {
  const posting = chat.posting;
  const context: Record<string, string> = { chatType: chat.chatType };
  if (posting) {
    context.postingNumber = posting.postingNumber;
    context.orderNumber = posting.orderNumber;
    context.scheme = posting.scheme;
  }
  const result: ThreadSummary = {
    chatId: chat.chatId,
    title: posting
      ? `Posting ${posting.postingNumber} (${posting.scheme}) · ${posting.customerName}`
      : 'Ozon seller support',
    status: chat.status,
    context,
  };
  if (chat.messages.length > 0) result.lastMessageAt = new Date(lastActivity(chat)).toISOString();
  return result;
}

export function threadMessage(message: Message): ThreadMessage {
  const text = message.file ? message.data.filter((line) => !line.includes(message.file!.url)) : message.data;
  return {
    id: String(message.id),
    from: FROM[message.user.type],
    text: text.join('\n'),
    at: new Date(message.createdAt).toISOString(),
    attachments: message.file
      ? [
          {
            name: message.file.name,
            mimeType: message.file.mimeType,
            size: message.file.size,
            url: message.file.url,
          },
        ]
      : [],
  };
}
