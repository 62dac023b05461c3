import type { Call } from '../call.js';
import { messageDto } from '../dto.js';
import { okResult, YandexHttpError } from '../errors.js';
import { queryId } from '../request.js';
import { chatFromQuery } from './find-chat.js';

/** GET chats/message?chatId=&messageId=: the message must belong to that chat. */
export function getChatMessage(call: Call) {
  const chat = chatFromQuery(call);
  const messageId = queryId(call.req.query, 'messageId');
  const message = chat.messages.find((candidate) => candidate.messageId === messageId);
  if (!message) throw new YandexHttpError(404, `Message ${messageId} not found in chat ${chat.chatId}`);
  return okResult(messageDto(message));
}
