import { MarketplaceError } from '../../errors/errors.js';
import type { Message } from '../../model/message.js';
import { requireIsoUtc, toIsoUtc } from '../../time/iso.js';
import type { StoredenMessage } from './wire.js';

export function mapStoredenMessage(raw: StoredenMessage, chatId: string): Message {
  if (raw === null || typeof raw !== 'object' || !raw.message_id) {
    throw new MarketplaceError('Storeden: a message in chat.json has no message_id', {
      marketplace: 'storeden',
    });
  }
  const fromSeller = raw.from_myself === true;
  // read_by holds when each side read it; the other side's stamp is this message's readAt.
  const otherSide = fromSeller ? raw.read_by?.with_id : raw.read_by?.myself_id;
  const readAt = toIsoUtc(otherSide);
  return {
    marketplace: 'storeden',
    id: String(raw.message_id),
    chatId,
    sender: fromSeller ? 'seller' : 'buyer',
    senderId: raw.from_id === undefined || raw.from_id === null ? undefined : String(raw.from_id),
    text: raw.message ?? '',
    createdAt: requireIsoUtc(raw.send_date, 'storeden', 'message send_date'),
    readAt,
    isRead: otherSide === undefined ? undefined : readAt !== undefined,
    attachments: [],
    raw,
  };
}
