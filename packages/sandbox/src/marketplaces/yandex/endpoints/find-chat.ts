import type { Call } from '../call.js';
import { YandexHttpError } from '../errors.js';
import type { Chat } from '../model.js';
import { queryId } from '../request.js';

/** The chat named by the `chatId` query parameter (a query parameter even on POST). */
export function chatFromQuery({ req, businessId, store }: Call): Chat {
  const chatId = queryId(req.query, 'chatId');
  const chat = store.chat(businessId, chatId);
  if (!chat) throw new YandexHttpError(404, `Chat ${chatId} not found in businessId ${businessId}`);
  return chat;
}

/** Sends into a finished chat are refused with 400 (a guess: the docs do not say). */
export function writableChat(call: Call): Chat {
  const chat = chatFromQuery(call);
  if (chat.status === 'FINISHED') {
    throw new YandexHttpError(400, `Chat ${chat.chatId} is FINISHED: messages can no longer be sent to it`);
  }
  return chat;
}
