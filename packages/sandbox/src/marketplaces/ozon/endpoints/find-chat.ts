import type { Call } from '../call.js';
import { OzonHttpError } from '../errors.js';
import { requiredString } from '../fields.js';
import type { Chat } from '../model.js';

export function chatFromBody({ body, store }: Call): Chat {
  const chatId = requiredString(body, 'chat_id');
  const chat = store.chats.get(chatId);
  if (!chat) throw new OzonHttpError(404, `Chat ${chatId} not found`);
  return chat;
}
