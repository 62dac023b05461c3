import type { MarketplaceId } from './marketplace.js';

export type MarkReadMode = 'explicit' | 'implicit-on-read' | 'none';
export type StartChatBy = 'order' | 'order-or-return' | 'posting' | 'none';
export type SendFileMode = 'upload-then-attach' | 'multipart' | 'base64' | 'none';
/** A ListChatsOptions filter. */
export type ChatFilter = 'unreadOnly' | 'statuses' | 'lastMessageFrom' | 'orderId';

/**
 * What a marketplace can do, as data. The n8n and Node-RED editors read it to hide what a
 * marketplace cannot do; validation reads it to refuse bad input before any request is made.
 */
export interface Capabilities {
  marketplace: MarketplaceId;
  displayName: string;
  listChats: true;
  getChat: boolean;
  listMessages: true;
  /** History can be read from a known message onwards, so polls cost what changed. */
  incrementalHistory: boolean;
  sendText: true;
  getMessage: boolean;
  sendFile: SendFileMode;
  /** Files can travel with a text in one message (Metro attachments). */
  attachmentsWithText: boolean;
  markRead: MarkReadMode;
  startChat: StartChatBy;
  listUnseen: boolean;
  push: boolean;
  text: { minLength: number; maxLength: number | null };
  attachments: {
    maxCount: number;
    /** Bytes; null when the marketplace documents no limit. */
    maxSize: number | null;
    /** Lower-case MIME types; null when any type is accepted. */
    mimeTypes: string[] | null;
  } | null;
  paging: {
    /** null: the chat list is not paginated, one answer holds every chat. */
    chatsMax: number | null;
    chatsDefault: number | null;
    messagesMax: number | null;
    messagesDefault: number | null;
  };
  /** Rules that gate sending, stated for people (Ozon windows and Premium Plus). */
  sendWindows: string | null;
  chatKinds: Array<'order' | 'return' | 'direct' | 'support'>;
  /**
   * The chat-list filters whose answer holds only matching chats, applied by the marketplace or
   * by SellerChat on what it returns. Any other filter is refused (Ozon and Storeden have no
   * order filter) or cannot narrow the list (Ozon's list carries no times, Storeden's no unread
   * marks): hosts offer only these.
   */
  chatFilters: ChatFilter[];
  notes: string[];
}
