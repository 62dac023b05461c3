import type { PushNotification } from '../types.js';

/**
 * Gaps in seconds between one failed attempt and the next, before scaling.
 *
 * Yandex documents no schedule for API notifications; we borrow the retired push API's
 * "every minute, 3 times" (orderAccept page): 3 attempts in all, 60 s apart.
 *
 * Ozon: "a few seconds later, then growing gaps; once the gap reaches 10 minutes, 5 more
 * attempts every 10 minutes". We read that as 5 s, tripling (5, 15, 45, 135, 405 s), then
 * 5 × 600 s: 11 attempts in all.
 */
export const RETRY_GAPS_SECONDS: Record<'yandex' | 'ozon', readonly number[]> = {
  yandex: [60, 60],
  ozon: [5, 15, 45, 135, 405, 600, 600, 600, 600, 600],
};

/** Milliseconds to wait before attempt `attempt + 1`, or undefined when the schedule is used up. */
export function retryDelayMs(
  expect: PushNotification['expect'],
  attempt: number,
  scale: number,
): number | undefined {
  const gaps = expect.startsWith('yandex') ? RETRY_GAPS_SECONDS.yandex : RETRY_GAPS_SECONDS.ozon;
  const gap = gaps[attempt - 1];
  return gap === undefined ? undefined : Math.round(gap * 1000 * scale);
}
