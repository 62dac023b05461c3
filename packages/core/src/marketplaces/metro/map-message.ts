import { MarketplaceError } from '../../errors/errors.js';
import type { Attachment } from '../../model/attachment.js';
import type { Message, SenderRole } from '../../model/message.js';
import { requireIsoUtc, toIsoUtc } from '../../time/iso.js';
import type { MetroAttachment, MetroMessage } from './wire.js';

function senderRole(userType: string | undefined): SenderRole {
  if (userType === 'BUYER') return 'buyer';
  if (userType === 'SELLER') return 'seller';
  // Any other sender (system notices, Metro staff) speaks for the marketplace.
  return 'marketplace';
}

export function mapMetroAttachment(raw: MetroAttachment): Attachment {
  return {
    name: raw.fileName ?? raw.fileId ?? 'attachment',
    mimeType: raw.fileType ? raw.fileType.toLowerCase() : undefined,
    url: raw.downloadUrl || undefined,
    ref: raw.fileId || undefined,
  };
}

/**
 * `chatId` is the chat whose endpoint was read; it wins over the message's own `chatId` because
 * it is the id a reply must go to (Metro's own example shows the two differing).
 */
export function mapMetroMessage(raw: MetroMessage, chatId?: string): Message {
  if (raw === null || typeof raw !== 'object' || raw.id === undefined || raw.id === null || raw.id === '') {
    throw new MarketplaceError('Metro Markets: a message in the response has no id', {
      marketplace: 'metro',
    });
  }
  const seenAt = toIsoUtc(raw.seenAt);
  const resolvedChatId = chatId ?? raw.chatId;
  if (resolvedChatId === undefined) {
    throw new MarketplaceError(`Metro Markets: message ${raw.id} does not say its chat`, {
      marketplace: 'metro',
    });
  }
  return {
    marketplace: 'metro',
    id: String(raw.id),
    chatId: String(resolvedChatId),
    sender: senderRole(raw.senderUserType),
    senderId: raw.senderId === undefined || raw.senderId === null ? undefined : String(raw.senderId),
    text: raw.content ?? '',
    createdAt: requireIsoUtc(raw.createdAt, 'metro', 'message createdAt'),
    readAt: seenAt,
    isRead: raw.seenAt !== undefined ? seenAt !== undefined : undefined,
    attachments: Array.isArray(raw.attachments) ? raw.attachments.map(mapMetroAttachment) : [],
    raw,
  };
}
