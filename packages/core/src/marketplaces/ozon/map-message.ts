import type { Attachment } from '../../model/attachment.js';
import type { Message } from '../../model/message.js';
import { requireIsoUtc } from '../../time/iso.js';
import { arrayOf, idOf, objectOf, stringOf } from './raw.js';
import { mapOzonUserType } from './user-type.js';

// Ozon sends message content as Markdown strings; images (and files) arrive as Markdown links.
const WHOLE_IMAGE = /^!\[([^\]]*)\]\((\S+?)\)$/;
// A link whose text is a file name (`[invoice.pdf](https://...)`) is a file; other links are text.
const WHOLE_FILE_LINK = /^\[([^\]]*\.[A-Za-z0-9]{1,8})\]\((\S+?)\)$/;

/**
 * A `data` item that is nothing but an image or a file link becomes an attachment and leaves
 * the text; links inside sentences stay text. `raw` keeps every item as sent.
 */
export function splitOzonData(data: readonly string[]): { text: string; attachments: Attachment[] } {
  const text: string[] = [];
  const attachments: Attachment[] = [];
  for (const item of data) {
    const trimmed = item.trim();
    const m = WHOLE_IMAGE.exec(trimmed) ?? WHOLE_FILE_LINK.exec(trimmed);
    if (m) {
      const url = m[2]!;
      attachments.push({ name: m[1]!.trim() || nameFromUrl(url), url, ref: url });
    } else {
      text.push(item);
    }
  }
  return { text: text.join('\n'), attachments };
}

function nameFromUrl(url: string): string {
  const last = url.split(/[?#]/, 1)[0]!.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || 'file';
  } catch {
    return last || 'file';
  }
}

/** v3ChatMessage (or a push message) → Message. History responses do not repeat the chat id, so it is passed in. */
export function mapOzonMessage(raw: unknown, chatId: string): Message {
  const dto = objectOf(raw, 'messages[]');
  const user = dto.user === undefined || dto.user === null ? {} : objectOf(dto.user, 'messages[].user');
  const data = arrayOf(dto.data, 'messages[].data').filter((d): d is string => typeof d === 'string');
  const { text, attachments } = splitOzonData(data);
  const message: Message = {
    marketplace: 'ozon',
    id: idOf(dto.message_id ?? dto.messageId, 'message_id'),
    chatId,
    sender: mapOzonUserType(stringOf(user.type)),
    text,
    createdAt: requireIsoUtc(stringOf(dto.created_at), 'ozon', 'message.created_at'),
    attachments,
    raw,
  };
  const senderId = stringOf(user.id) ?? (typeof user.id === 'number' ? String(user.id) : undefined);
  if (senderId !== undefined) message.senderId = senderId;
  if (typeof dto.is_read === 'boolean') message.isRead = dto.is_read;
  if (dto.context !== undefined && dto.context !== null) {
    const context = objectOf(dto.context, 'messages[].context');
    const orderNumber = stringOf(context.order_number);
    const sku = stringOf(context.sku) ?? (typeof context.sku === 'number' ? String(context.sku) : undefined);
    if (orderNumber || sku) {
      message.context = {};
      if (orderNumber) message.context.orderNumber = orderNumber;
      if (sku) message.context.sku = sku;
    }
  }
  return message;
}

/** The message's Markdown exactly as Ozon holds it, for matching a text we sent. */
export function ozonRawText(message: Message): string {
  const dto = message.raw as { data?: unknown };
  return Array.isArray(dto.data) ? dto.data.filter((d) => typeof d === 'string').join('\n') : message.text;
}
