import { requireWriteRole } from '../auth.js';
import { type Call, ok } from '../call.js';
import { optionalMessageId } from '../fields.js';
import { requirePremium } from '../rules.js';
import { unread } from '../store.js';
import { chatFromBody } from './find-chat.js';

/**
 * /v2/chat/read: marks from_message_id and every earlier message read (all of them when it is
 * absent: a guess) and answers the chat's remaining unread_count.
 */
export function chatRead(call: Call) {
  requireWriteRole(call.key);
  requirePremium(call.settings);
  const upTo = optionalMessageId(call.body, 'from_message_id');
  const chat = chatFromBody(call);
  for (const message of unread(chat)) {
    if (upTo === undefined || message.id <= upTo) message.isRead = true;
  }
  return ok({ unread_count: unread(chat).length });
}
