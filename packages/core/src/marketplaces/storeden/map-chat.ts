import { MarketplaceError } from '../../errors/errors.js';
import type { Chat } from '../../model/chat.js';
import { toIsoUtc } from '../../time/iso.js';
import type { StoredenConversation } from './wire.js';

/**
 * A Storeden conversation is keyed by the other user's id (`with_id`), which is therefore both
 * the chat id and the buyer id. Storeden reports no status and no unread count for it.
 */
export function mapStoredenChat(raw: StoredenConversation): Chat {
  if (
    raw === null ||
    typeof raw !== 'object' ||
    raw.with_id === undefined ||
    raw.with_id === null ||
    raw.with_id === ''
  ) {
    throw new MarketplaceError('Storeden: a conversation in chat_list has no with_id', {
      marketplace: 'storeden',
    });
  }
  const id = String(raw.with_id);
  return {
    marketplace: 'storeden',
    id,
    kind: 'direct',
    status: 'other',
    context: {},
    buyer: { id, name: raw.name || undefined },
    lastMessageAt: toIsoUtc(raw.last_message_at),
    raw,
  };
}
