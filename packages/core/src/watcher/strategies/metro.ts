import type { MarketplaceClient } from '../../marketplaces/client.js';
import type { Chat } from '../../model/chat.js';
import { shiftTime } from '../position.js';
import { type ChangeStrategy, concat, listChats, plainListing } from './strategy.js';

interface WithUnseen {
  listUnseen?: () => Promise<{ chats: Chat[] }>;
}

async function* unseen(client: MarketplaceClient): AsyncIterable<Chat> {
  const list = (client as MarketplaceClient & WithUnseen).listUnseen;
  if (typeof list === 'function') yield* (await list.call(client)).chats;
}

/**
 * Metro: `GET /chats` filtered by `filters[lastMessage][from]` from the newest activity already
 * seen minus the lag buffer, plus `GET /chats/unseen` (one call: a second net for a buyer
 * message whose chat shows up late). Cost: the listing pages of what moved, then one history
 * read per moved chat. Reading a history marks its messages seen on Metro's side.
 */
export const metroStrategy: ChangeStrategy = {
  marketplace: 'metro',
  order: 'time',
  tail: 'newest-page',
  changed(client, state, options) {
    const from = state.watermark ?? state.floor.at;
    if (from === undefined) return plainListing(listChats(client));
    return plainListing(
      concat(listChats(client, { lastMessageFrom: shiftTime(from, -options.lagMs) }), unseen(client)),
    );
  },
  all(client) {
    return plainListing(listChats(client));
  },
};
