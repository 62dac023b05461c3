import { OzonHttpError } from './errors.js';
import type { Chat, Posting } from './model.js';
import type { OzonSettings } from './settings.js';
import { lastBuyerMessageAt } from './store.js';

const HOUR = 60 * 60 * 1000;
export const REPLY_WINDOW_MS = 48 * HOUR;
export const AFTER_DELIVERY_MS = 72 * HOUR;
export const START_WINDOW_MS = 72 * HOUR;

// Refusals are 403 PERMISSION_DENIED: the docs give no code or text for them (our guess).

export function requirePremium(settings: OzonSettings): void {
  if (!settings.premium) {
    throw new OzonHttpError(
      403,
      'This method is available only to sellers with a Premium Plus or Premium Pro subscription',
    );
  }
}

function withinReplyWindow(chat: Chat, now: number): boolean {
  const last = lastBuyerMessageAt(chat);
  return last !== undefined && now - last <= REPLY_WINDOW_MS;
}

/**
 * FBO: only within 48 h of the buyer's last message. FBS/rFBS: from payment until 72 h after
 * delivery; after that only within 48 h of the buyer's last message. Support chats have no window.
 */
export function requireSendAllowed(chat: Chat, settings: OzonSettings, now: number): void {
  if (chat.status === 'Closed') throw new OzonHttpError(403, `Chat ${chat.chatId} is closed`);
  const posting = chat.posting;
  if (!settings.enforceWindows || chat.chatType !== 'Buyer_Seller' || !posting) return;
  if (posting.scheme === 'FBO') {
    if (withinReplyWindow(chat, now)) return;
    throw new OzonHttpError(
      403,
      "FBO: you can send a message only within 48 hours of the buyer's last message",
    );
  }
  if (now < posting.paidAt) throw new OzonHttpError(403, `${posting.scheme}: the posting is not paid yet`);
  if (posting.deliveredAt === undefined || now <= posting.deliveredAt + AFTER_DELIVERY_MS) return;
  if (withinReplyWindow(chat, now)) return;
  throw new OzonHttpError(
    403,
    `${posting.scheme}: more than 72 hours have passed since delivery; you can only reply within 48 hours of the buyer's last message`,
  );
}

/** FBO: only the buyer starts chats. FBS/rFBS: within 72 h of payment, or of delivery once delivered. */
export function requireStartAllowed(posting: Posting, settings: OzonSettings, now: number): void {
  if (posting.scheme === 'FBO') {
    throw new OzonHttpError(403, 'FBO: only the buyer can start a chat about this posting');
  }
  if (!settings.enforceWindows) return;
  const from = posting.deliveredAt ?? posting.paidAt;
  if (now < posting.paidAt || now > from + START_WINDOW_MS) {
    throw new OzonHttpError(
      403,
      `${posting.scheme}: a chat can be started only within 72 hours after payment or delivery of the posting`,
    );
  }
}
