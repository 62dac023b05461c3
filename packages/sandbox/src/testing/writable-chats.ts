// Which seeded chats a load can write into and expect an answer in. Buyers who write where the
// seller may not answer would make every "one reply per buyer message" check fail for reasons
// that have nothing to do with the flow under test.
import type { RunningSandbox } from '../server/launch-sandbox.js';

export interface ChatRef {
  marketplace: string;
  chatId: string;
}

/**
 * Up to `max` open chats of `marketplace` where buyer and seller may both write: not closed,
 * archived, finished or with the arbiter, and on Ozon neither an FBO chat (outside the seller's
 * send window) nor a support chat.
 */
export function writableChats(
  sb: RunningSandbox,
  marketplace: string,
  max = Number.POSITIVE_INFINITY,
): ChatRef[] {
  return sb.control
    .threads(marketplace)
    .filter((t) => !/closed|archived|finished|arbiter/i.test(t.status))
    .filter(
      (t) =>
        marketplace !== 'ozon' || (t.context?.scheme !== 'FBO' && t.context?.chatType !== 'Seller_Support'),
    )
    .slice(0, max)
    .map((t) => ({ marketplace, chatId: t.chatId }));
}
