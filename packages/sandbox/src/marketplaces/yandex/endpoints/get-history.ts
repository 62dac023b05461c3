import type { Call } from '../call.js';
import { contextDto, messageDto } from '../dto.js';
import { okResult } from '../errors.js';
import { decodeToken, encodeToken, pageTokenFrom } from '../paging.js';
import { jsonBody, optionalId, queryLimit } from '../request.js';
import { chatFromQuery } from './find-chat.js';

/**
 * POST chats/history?chatId= with {messageIdFrom?}: that message and everything after it,
 * oldest first (the order is not documented; this is the reading of "from").
 */
export function getChatHistory(call: Call) {
  const limit = queryLimit(call.req.query, 100, 50);
  const token = pageTokenFrom(call.req.query);
  const body = jsonBody(call.req);
  const chat = chatFromQuery(call);
  const from = optionalId(body, 'messageIdFrom') ?? 1;
  const after = token ? decodeToken(token, 'history').messageId : 0;
  const remaining = chat.messages.filter((message) => message.messageId >= from && message.messageId > after);
  const page = remaining.slice(0, limit);
  const paging: Record<string, string> = {};
  const last = page.at(-1);
  if (last && remaining.length > limit) {
    paging.nextPageToken = encodeToken({ kind: 'history', messageId: last.messageId });
  }
  const result: Record<string, unknown> = {};
  if (chat.context.orderId !== undefined) result.orderId = chat.context.orderId;
  result.context = contextDto(chat);
  result.messages = page.map(messageDto);
  result.paging = paging;
  return okResult(result);
}
