import type { Chat, ChatStatus, Sender } from './model.js';

/** Statuses that only Market or the arbiter move a chat out of; messages leave them alone. */
const HELD: ReadonlySet<ChatStatus> = new Set(['WAITING_FOR_ARBITER', 'WAITING_FOR_MARKET', 'FINISHED']);

/**
 * Our reading of the enum names (the transitions are not documented): a customer message means
 * the shop must answer, a partner message means the customer must; Market and support messages
 * change nothing; arbitrage waits and FINISHED are kept.
 */
export function statusAfterMessage(current: ChatStatus, sender: Sender): ChatStatus {
  if (HELD.has(current)) return current;
  if (sender === 'CUSTOMER') return 'WAITING_FOR_PARTNER';
  if (sender === 'PARTNER') return 'WAITING_FOR_CUSTOMER';
  return current;
}

/** The spec: updatedAt is the time of the last message; a chat without messages uses createdAt. */
export function updatedAt(chat: Chat): number {
  return chat.messages.at(-1)?.createdAt ?? chat.createdAt;
}
