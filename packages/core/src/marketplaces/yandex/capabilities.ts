import type { Capabilities } from '../../model/capabilities.js';

/** Source: shared/api/marketplaces.md §1 and the official Partner API OpenAPI description. */
export const yandexCapabilities: Capabilities = {
  marketplace: 'yandex',
  displayName: 'Yandex Market',
  listChats: true,
  getChat: true,
  listMessages: true,
  incrementalHistory: true,
  sendText: true,
  getMessage: true,
  sendFile: 'multipart',
  attachmentsWithText: false,
  markRead: 'none',
  startChat: 'order-or-return',
  listUnseen: false,
  push: true,
  text: { minLength: 1, maxLength: 4096 },
  attachments: { maxCount: 1, maxSize: 5 * 1024 * 1024, mimeTypes: null },
  paging: { chatsMax: 20, chatsDefault: 10, messagesMax: 100, messagesDefault: 50 },
  sendWindows: null,
  chatKinds: ['order', 'return', 'direct'],
  chatFilters: ['unreadOnly', 'statuses', 'lastMessageFrom', 'orderId'],
  notes: [
    'Yandex Market has no read receipts: there is nothing to mark as read.',
    'A file is sent as a message of its own (one file, up to 5 MB); a text cannot carry files.',
    'Chats can be started for an order or a return (returns: FBY, FBS and Express only); buyers start DIRECT chats.',
    'Starting a chat for an order or return that already has one returns the existing chat.',
    'An Api-Key with a read-only scope can read chats but not send or start them.',
    'At most 4 requests run at once per cabinet; Yandex answers 420 above that.',
  ],
};
