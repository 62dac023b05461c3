import type { Capabilities } from '../../model/capabilities.js';

/** Messages per page of `chat.json`, newest first (Storeden docs). */
export const STOREDEN_MESSAGES_PER_PAGE = 30;

export const storedenCapabilities: Capabilities = {
  marketplace: 'storeden',
  displayName: 'Storeden',
  listChats: true,
  // Storeden has no single-chat endpoint: a chat is looked up in the conversation list.
  getChat: true,
  listMessages: true,
  incrementalHistory: true,
  sendText: true,
  getMessage: false,
  sendFile: 'none',
  attachmentsWithText: false,
  markRead: 'none',
  startChat: 'none',
  listUnseen: false,
  push: false,
  text: { minLength: 1, maxLength: null },
  attachments: null,
  // chat_list is not paginated: one page holds every conversation, whatever the limit.
  paging: {
    chatsMax: null,
    chatsDefault: null,
    messagesMax: STOREDEN_MESSAGES_PER_PAGE,
    messagesDefault: STOREDEN_MESSAGES_PER_PAGE,
  },
  sendWindows: null,
  chatKinds: ['direct'],
  chatFilters: ['lastMessageFrom'],
  notes: [
    'Buyers start conversations: a shop can only answer users who wrote first.',
    'The conversation list is not paginated and has no filters: every call returns all conversations (the last-message-time filter is applied by SellerChat; "unread only" has no effect).',
    'Storeden has no attachments, no read receipts you can set, and no notifications: new messages are found by polling.',
    'A READ key can list and read; sending needs a READ & WRITE key.',
    'The Connect API allows 100,000 requests per 24 hours per shop; above that it answers 509 and does nothing.',
  ],
};
