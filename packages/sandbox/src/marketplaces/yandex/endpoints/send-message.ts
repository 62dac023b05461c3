import type { Call } from '../call.js';
import { okEmpty, YandexHttpError } from '../errors.js';
import { jsonBody } from '../request.js';
import { writableChat } from './find-chat.js';

export const MAX_MESSAGE_LENGTH = 4096;

/** POST chats/message?chatId= with {message}: 1–4096 characters. */
export function sendMessageToChat(call: Call) {
  const body = jsonBody(call.req);
  const chat = writableChat(call);
  const text = body.message;
  if (typeof text !== 'string') {
    throw new YandexHttpError(400, 'message is required and must be a string of 1 to 4096 characters');
  }
  // Characters as the user sees them (code points), not UTF-16 units.
  const length = [...text].length;
  if (length < 1 || length > MAX_MESSAGE_LENGTH) {
    throw new YandexHttpError(
      400,
      `message must be 1 to ${MAX_MESSAGE_LENGTH} characters long, got ${length}`,
    );
  }
  call.store.addMessage(chat, { sender: 'PARTNER', message: text, at: call.ctx.now() });
  return okEmpty();
}
