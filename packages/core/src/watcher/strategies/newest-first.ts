import type { Chat } from '../../model/chat.js';
import { comparePositions, type Order } from '../position.js';
import { chatPosition } from '../track.js';
import type { Listing } from './strategy.js';

/**
 * A list the marketplace may return newest activity first (Yandex and Ozon document no order).
 * The order is checked, never assumed: every chat must come at or below the one before it. While
 * it holds and `stopBelow` is given, paging stops at the first chat older than `stopBelow` (it
 * and everything after it cannot have changed). Once a chat breaks the order, the pass goes on to
 * the end and reports 'unknown', so the next polls list every chat until a full pass shows the
 * order again.
 */
export function newestFirst(
  source: AsyncIterable<Chat>,
  order: Order,
  stopBelow: string | undefined,
): Listing {
  let broken = false;
  let stopped = false;
  async function* run(): AsyncIterable<Chat> {
    let previous: string | undefined;
    for await (const chat of source) {
      const position = chatPosition(order, chat);
      if (position !== undefined) {
        if (previous !== undefined && comparePositions(order, position, previous) > 0) broken = true;
        if (!broken && stopBelow !== undefined && comparePositions(order, position, stopBelow) < 0) {
          stopped = true;
          return;
        }
        previous = position;
      }
      yield chat;
    }
  }
  return { chats: run(), order: () => (broken ? 'unknown' : stopped ? undefined : 'activity') };
}
