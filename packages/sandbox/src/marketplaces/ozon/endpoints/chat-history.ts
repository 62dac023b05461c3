import { type Call, ok } from '../call.js';
import { badRequest } from '../errors.js';
import {
  limit,
  messageId,
  optionalMessageId,
  optionalObject,
  optionalString,
  requiredString,
} from '../fields.js';
import { compareIds } from '../ids.js';
import { requirePremium } from '../rules.js';
import { messageView } from '../views.js';
import { chatFromBody } from './find-chat.js';

/**
 * /v3/chat/history: Backward (newest first, the default) or Forward, starting AT from_message_id
 * (inclusive: "the history starts from this message"), which Forward requires. Fields are
 * checked before the chat is looked up, so a bad request is a 400 even for an unknown chat.
 */
export function chatHistory(call: Call) {
  requirePremium(call.settings);
  const { body } = call;
  requiredString(body, 'chat_id');
  const direction = optionalString(body, 'direction') || 'Backward';
  if (direction !== 'Forward' && direction !== 'Backward') {
    throw badRequest(`direction must be Forward or Backward, got "${direction}"`);
  }
  const from = optionalMessageId(body, 'from_message_id');
  if (direction === 'Forward' && from === undefined) {
    throw badRequest('from_message_id is required when direction is Forward');
  }
  const pageSize = limit(body, { max: 1000, fallback: 50 });
  const filter = optionalObject(body, 'filter');
  let only: Set<bigint> | undefined;
  if (filter.message_ids !== undefined && filter.message_ids !== null) {
    if (!Array.isArray(filter.message_ids))
      throw badRequest('filter.message_ids must be an array of message ids');
    only = new Set(filter.message_ids.map((id, index) => messageId(id, `filter.message_ids[${index}]`)));
  }
  const chat = chatFromBody(call);
  const forward = direction === 'Forward';
  const start = from ?? chat.messages.at(-1)?.id ?? 0n;
  const candidates = chat.messages
    .filter((message) => (forward ? message.id >= start : message.id <= start))
    .filter((message) => !only || only.has(message.id))
    .sort((a, b) => (forward ? compareIds(a.id, b.id) : compareIds(b.id, a.id)));
  return ok({
    has_next: candidates.length > pageSize,
    messages: candidates.slice(0, pageSize).map((m) => messageView(chat, m, call.settings.cyrillicCustomer)),
  });
}
