import { requireWriteRole } from '../auth.js';
import { type Call, ok } from '../call.js';
import { badRequest } from '../errors.js';
import { requiredString } from '../fields.js';
import { requirePremium, requireSendAllowed } from '../rules.js';
import { chatFromBody } from './find-chat.js';

export const MAX_TEXT_LENGTH = 1000;

/** /v1/chat/send/message: plain text of 1–1000 characters, inside the send window. */
export function sendMessage(call: Call) {
  requireWriteRole(call.key);
  requirePremium(call.settings);
  const text = requiredString(call.body, 'text');
  const length = [...text].length;
  if (length > MAX_TEXT_LENGTH) {
    throw badRequest(`text must be 1 to ${MAX_TEXT_LENGTH} characters long, got ${length}`);
  }
  const chat = chatFromBody(call);
  const now = call.ctx.now();
  requireSendAllowed(chat, call.settings, now);
  call.store.addMessage(chat, { user: { id: call.key.clientId, type: 'seller' }, data: [text], at: now });
  return ok({ result: 'success' });
}
