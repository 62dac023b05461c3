import { newestFirst } from './newest-first.js';
import { type ChangeStrategy, listChats } from './strategy.js';
import { stopPoint } from './sweep.js';

/**
 * Yandex: `POST /chats` has no time filter and documents no order (20 chats a page). Each chat's
 * `updatedAt` (the time of its last message) is compared with the state. Once a full pass has
 * shown the list comes newest activity first, polls stop paging at the first chat older than the
 * watermark minus the lag buffer, the order being checked on every page; every `sweepEvery`
 * polls, and whenever the order breaks, every chat is listed. Push notifications
 * (push-yandex.ts) are the fast path; a poll now and then fills any gap a lost notification leaves.
 */
export const yandexStrategy: ChangeStrategy = {
  marketplace: 'yandex',
  order: 'time',
  tail: 'from-message',
  changed(client, state, options) {
    return newestFirst(listChats(client), 'time', stopPoint(state, options, 'time'));
  },
  all(client) {
    return newestFirst(listChats(client), 'time', undefined);
  },
};
