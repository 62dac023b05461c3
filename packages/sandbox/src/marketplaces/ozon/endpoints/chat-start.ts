import { requireWriteRole } from '../auth.js';
import { type Call, ok } from '../call.js';
import { OzonHttpError } from '../errors.js';
import { requiredString } from '../fields.js';
import { requirePremium, requireStartAllowed } from '../rules.js';

/** /v1/chat/start: a chat for an FBS/rFBS posting; the posting's existing chat comes back as is. */
export function chatStart(call: Call) {
  requireWriteRole(call.key);
  requirePremium(call.settings);
  const postingNumber = requiredString(call.body, 'posting_number');
  const posting = call.store.postings.get(postingNumber);
  if (!posting) throw new OzonHttpError(404, `Posting ${postingNumber} not found`);
  const existing = call.store.chatForPosting(postingNumber);
  if (existing) return ok({ result: { chat_id: existing.chatId } });
  requireStartAllowed(posting, call.settings, call.ctx.now());
  const chat = call.store.createChat({ chatType: 'Buyer_Seller', createdAt: call.ctx.now(), posting });
  return ok({ result: { chat_id: chat.chatId } });
}
