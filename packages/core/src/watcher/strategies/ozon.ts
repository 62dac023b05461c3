import { newestFirst } from './newest-first.js';
import { type ChangeStrategy, listChats } from './strategy.js';
import { stopPoint } from './sweep.js';

/**
 * Ozon: `/v3/chat/list` has no time filter and documents no order (up to 1000 chats a page).
 * Each chat's `last_message_id` is compared with the state. Once a full pass has shown the list
 * comes newest activity first, polls stop paging at the first chat whose last message is older
 * than the previous poll's newest, the order being checked on every page; every `sweepEvery`
 * polls, and whenever the order breaks, every chat is listed. `unread_only` is not used: a
 * message another tool already read must still be emitted. Chats the state no longer tracks are
 * compared with the floor id, which assumes Ozon message ids grow over time across chats (true
 * of every documented example; not stated by Ozon).
 */
export const ozonStrategy: ChangeStrategy = {
  marketplace: 'ozon',
  order: 'id',
  tail: 'newest-page',
  changed(client, state, options) {
    return newestFirst(listChats(client), 'id', stopPoint(state, options, 'id'));
  },
  all(client) {
    return newestFirst(listChats(client), 'id', undefined);
  },
};
