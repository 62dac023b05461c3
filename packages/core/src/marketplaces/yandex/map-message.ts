import type { Attachment } from '../../model/attachment.js';
import type { Message, SenderRole } from '../../model/message.js';
import { requireIsoUtc } from '../../time/iso.js';
import { arrayOf, idOf, objectOf, stringOf } from './raw.js';

const SENDER: Readonly<Record<string, SenderRole>> = {
  CUSTOMER: 'buyer',
  PARTNER: 'seller',
  MARKET: 'marketplace',
  SUPPORT: 'support',
};

/** An unknown sender is never taken for the buyer, so automations do not answer system messages. */
export function mapYandexSender(sender: string | undefined): SenderRole {
  return (sender !== undefined && SENDER[sender]) || 'marketplace';
}

/** ChatMessageDTO → Message. The history's chat context (order id) is passed in where known. */
export function mapYandexMessage(raw: unknown, chatId: string, chatContext?: unknown): Message {
  const dto = objectOf(raw, 'message');
  const message: Message = {
    marketplace: 'yandex',
    id: idOf(dto.messageId, 'messageId'),
    chatId,
    sender: mapYandexSender(stringOf(dto.sender)),
    text: stringOf(dto.message) ?? '',
    createdAt: requireIsoUtc(stringOf(dto.createdAt), 'yandex', 'message.createdAt'),
    attachments: arrayOf(dto.payload, 'message.payload').map(mapPayload),
    raw,
  };
  if (chatContext !== undefined && chatContext !== null) {
    const context = objectOf(chatContext, 'context');
    if (context.orderId !== undefined && context.orderId !== null) {
      message.context = { orderId: idOf(context.orderId, 'context.orderId') };
    }
  }
  return message;
}

function mapPayload(raw: unknown): Attachment {
  const item = objectOf(raw, 'message.payload[]');
  const attachment: Attachment = { name: stringOf(item.name) ?? '' };
  const url = stringOf(item.url);
  if (url !== undefined) {
    attachment.url = url;
    // Yandex gives no other handle: the url is the only way back to the bytes.
    attachment.ref = url;
  }
  if (typeof item.size === 'number') attachment.size = item.size;
  return attachment;
}
