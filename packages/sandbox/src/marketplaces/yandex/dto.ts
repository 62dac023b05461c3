import type { Chat, Message } from './model.js';
import { updatedAt } from './status.js';
import { restTime } from './time.js';

/** ChatFullContextDTO: campaignId and orderId for orders and returns, returnId for returns only. */
export function contextDto(chat: Chat): Record<string, unknown> {
  const { context } = chat;
  const dto: Record<string, unknown> = {
    type: context.type,
    customer: { name: context.customer.name, publicId: context.customer.publicId },
  };
  if (context.campaignId !== undefined) dto.campaignId = context.campaignId;
  if (context.orderId !== undefined) dto.orderId = context.orderId;
  if (context.returnId !== undefined) dto.returnId = context.returnId;
  return dto;
}

/** GetChatInfoDTO. The deprecated top-level orderId is still sent where there is an order. */
export function chatDto(chat: Chat): Record<string, unknown> {
  const dto: Record<string, unknown> = { chatId: chat.chatId };
  if (chat.context.orderId !== undefined) dto.orderId = chat.context.orderId;
  dto.context = contextDto(chat);
  dto.type = chat.type;
  dto.status = chat.status;
  dto.createdAt = restTime(chat.createdAt);
  dto.updatedAt = restTime(updatedAt(chat));
  return dto;
}

/** ChatMessageDTO: `message` and `payload` each only when present (payload has minItems 1). */
export function messageDto(message: Message): Record<string, unknown> {
  const dto: Record<string, unknown> = {
    messageId: message.messageId,
    createdAt: restTime(message.createdAt),
    sender: message.sender,
  };
  if (message.message !== undefined) dto.message = message.message;
  if (message.payload) {
    dto.payload = message.payload.map((file) => ({ name: file.name, url: file.url, size: file.size }));
  }
  return dto;
}
