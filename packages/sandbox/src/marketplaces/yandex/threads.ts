import type { ThreadMessage, ThreadSummary } from '../../types.js';
import type { Chat, Message, Sender } from './model.js';
import { updatedAt } from './status.js';

const FROM: Record<Sender, ThreadMessage['from']> = {
  CUSTOMER: 'buyer',
  PARTNER: 'seller',
  MARKET: 'marketplace',
  SUPPORT: 'support',
};

function title(chat: Chat): string {
  const { context } = chat;
  const dispute = chat.type === 'ARBITRAGE' ? ' (dispute)' : '';
  if (context.type === 'DIRECT') return `Question from ${context.customer.name}`;
  if (context.type === 'RETURN') return `Return ${context.returnId} of order ${context.orderId}${dispute}`;
  return `Order ${context.orderId} · ${context.customer.name}${dispute}`;
}

export function summary(chat: Chat): ThreadSummary {
  const context: Record<string, string> = { chatId: String(chat.chatId), contextType: chat.context.type };
  if (chat.context.orderId !== undefined) context.orderId = String(chat.context.orderId);
  if (chat.context.returnId !== undefined) context.returnId = String(chat.context.returnId);
  const result: ThreadSummary = {
    chatId: String(chat.chatId),
    title: title(chat),
    status: chat.status,
    context,
  };
  if (chat.messages.length > 0) result.lastMessageAt = new Date(updatedAt(chat)).toISOString();
  return result;
}

export function threadMessage(message: Message): ThreadMessage {
  return {
    id: String(message.messageId),
    from: FROM[message.sender],
    text: message.message ?? '',
    at: new Date(message.createdAt).toISOString(),
    attachments: (message.payload ?? []).map((file) => ({
      name: file.name,
      mimeType: file.mimeType,
      size: file.size,
      url: file.url,
    })),
  };
}
