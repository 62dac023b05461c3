import { BUYER_TEXTS, FIRST_NAMES, LAST_NAMES, SELLER_TEXTS } from './storeden-seed-texts.js';
import type { StoredenStore } from './storeden-store.js';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function randomBuyerName(random: () => number): string {
  return `${pick(FIRST_NAMES, random)} ${pick(LAST_NAMES, random)}`;
}

/**
 * `count` conversations spread over the last 30 days, each opened by the buyer (the merchant
 * can only answer users who wrote first), with replies, read receipts and some unread tails.
 */
export function seedStoreden(store: StoredenStore, count: number, now: number, random: () => number): void {
  for (let index = 0; index < count; index += 1) {
    // Gaps of 50 with up to 39 jitter keep ids increasing and unique, and not evenly spaced.
    const withId = 48_617 + index * 50 + Math.floor(random() * 40);
    const conversation = store.addConversation(withId, randomBuyerName(random));
    const size = 1 + Math.floor(random() * 7);
    const start = now - 2 * DAY - random() * 28 * DAY;
    const times: number[] = [start];
    for (let step = 1; step < size; step += 1) {
      times.push((times[step - 1] as number) + 3 * MINUTE + random() * 18 * 60 * MINUTE);
    }
    // Squeeze into [start, now - 1 min] so no message is in the future.
    const last = times[times.length - 1] as number;
    const latest = now - MINUTE;
    const squeeze = last > latest ? (latest - start) / (last - start) : 1;
    const senders: boolean[] = [];
    for (let step = 0; step < size; step += 1) {
      const previous = senders[step - 1];
      senders.push(step === 0 ? false : previous ? random() < 0.4 : random() < 0.7);
    }
    for (let step = 0; step < size; step += 1) {
      const at = start + ((times[step] as number) - start) * squeeze;
      const fromMyself = senders[step] as boolean;
      // Read by the other side when they wrote later; the tail is read or not by chance.
      const answeredAt = times.slice(step + 1).find((_, later) => senders[step + 1 + later] !== fromMyself);
      const readByOtherAt =
        answeredAt !== undefined
          ? start + (answeredAt - start) * squeeze
          : random() < 0.5
            ? Math.min(at + 5 * MINUTE + random() * 60 * MINUTE, now)
            : null;
      store.append(conversation, {
        fromMyself,
        text: pick(fromMyself ? SELLER_TEXTS : BUYER_TEXTS, random),
        at,
        readByOtherAt,
      });
    }
  }
}
