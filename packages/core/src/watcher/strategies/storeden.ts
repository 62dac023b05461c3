import { type ChangeStrategy, listChats, plainListing } from './strategy.js';

/**
 * Storeden: `chat_list.json` is one unpaginated call listing every conversation with its
 * `last_message_at`; a conversation whose time moved is read from its last seen message.
 */
export const storedenStrategy: ChangeStrategy = {
  marketplace: 'storeden',
  order: 'time',
  tail: 'newest-page',
  changed(client) {
    return plainListing(listChats(client));
  },
  all(client) {
    return plainListing(listChats(client));
  },
};
