import type { FileUpload } from '../model/attachment.js';
import type { Capabilities } from '../model/capabilities.js';
import type { Chat, ChatStatus } from '../model/chat.js';
import type { MarketplaceId } from '../model/marketplace.js';
import type { Message } from '../model/message.js';
import type { Page } from '../model/page.js';

export interface ListChatsOptions {
  /** Opaque cursor from a previous page's `next`. */
  cursor?: string;
  /** Page size; clamped to the marketplace's maximum. */
  limit?: number;
  /** Only chats with unread/unseen buyer messages, where the marketplace can filter so. */
  unreadOnly?: boolean;
  /** Only chats in these statuses, where the marketplace can filter so. */
  statuses?: ChatStatus[];
  /** Only chats whose last message is at or after this ISO time, where the marketplace can filter so. */
  lastMessageFrom?: string;
  /** The chat of this order (Yandex Market: the order's chat, not its returns'); refused where lists have no order filter. */
  orderId?: string;
  /** The marketplace's own filters, passed through unchanged. */
  extra?: Record<string, unknown>;
}

export interface ListMessagesOptions {
  /** Only messages after this one (exclusive); history is read from it onwards. */
  afterMessageId?: string;
  cursor?: string;
  limit?: number;
}

export interface SendTextOptions {
  /** Files sent together with the text where the marketplace allows it (Metro). */
  attachments?: FileUpload[];
}

export interface StartChatInput {
  /** Metro order id, Yandex order id, Ozon posting number. */
  orderId?: string;
  postingNumber?: string;
  /** Yandex: start a chat about a return. */
  returnId?: string;
  /** Metro: leaf chat category id. */
  categoryId?: string;
  /** Metro legacy: leaf SELLER subject, with customSubject when the subject isCustom. */
  subject?: string;
  customSubject?: string;
}

export interface SendResult {
  /** The new message's id where the marketplace returns or reveals it. */
  messageId?: string;
  message?: Message;
}

export interface MarkReadResult {
  unreadCount?: number;
}

/**
 * The one interface every marketplace client implements. A method a marketplace cannot do
 * throws `NotSupportedError` and its capabilities descriptor says so: never a silent no-op.
 */
export interface MarketplaceClient {
  readonly marketplace: MarketplaceId;
  readonly capabilities: Capabilities;
  listChats(options?: ListChatsOptions): Promise<Page<Chat>>;
  /** Every chat across all pages. */
  iterateChats(options?: Omit<ListChatsOptions, 'cursor'>): AsyncIterable<Chat>;
  getChat(chatId: string): Promise<Chat>;
  /** Oldest first. With `afterMessageId`, only what came after it. */
  listMessages(chatId: string, options?: ListMessagesOptions): Promise<Page<Message>>;
  iterateMessages(chatId: string, options?: Omit<ListMessagesOptions, 'cursor'>): AsyncIterable<Message>;
  sendText(chatId: string, text: string, options?: SendTextOptions): Promise<SendResult>;
  sendFile(chatId: string, file: FileUpload, options?: { text?: string }): Promise<SendResult>;
  /** Ozon: up to and including `upToMessageId`. Metro: reading marks seen. */
  markRead(chatId: string, upToMessageId?: string): Promise<MarkReadResult>;
  startChat(input: StartChatInput): Promise<Chat>;
  /** Bytes of a received attachment. */
  downloadAttachment?(attachment: { url?: string; ref?: string }): Promise<Uint8Array>;
}
