import type { StoredChat } from './store.js';

export const CHAT_STATUSES = ['DRAFT', 'WAITING_FOR_BUYER', 'WAITING_FOR_SELLER', 'OVER_SLA'] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];

/** seed:metro-chats: OVER_SLA once the seller has not replied for over 48 hours. */
export const SLA_MS = 48 * 60 * 60 * 1000;

/**
 * Derived on every read from the clock, never stored, so shifting the sandbox clock ages chats.
 * The SLA runs from the oldest buyer message still waiting for a seller reply.
 */
export function chatStatus(chat: StoredChat, nowMs: number): ChatStatus {
  const last = chat.messages.at(-1);
  if (!last) return 'DRAFT';
  if (last.senderUserType === 'SELLER') return 'WAITING_FOR_BUYER';
  if (chat.unansweredSinceMs !== null && nowMs - chat.unansweredSinceMs > SLA_MS) return 'OVER_SLA';
  return 'WAITING_FOR_SELLER';
}
