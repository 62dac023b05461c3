import type { Capabilities } from '../../model/capabilities.js';

export const OZON_SEND_WINDOWS =
  'Sending, files, history, mark-read and starting chats need a Premium Plus (or Premium Pro) subscription. ' +
  'FBO: you can write within 48 h of the buyer’s last message. FBS/rFBS: from payment until 72 h after ' +
  'delivery, then only replies within 48 h of the buyer’s last message. Starting a chat: FBS/rFBS only, ' +
  'within 72 h after payment or delivery (FBO chats are started by the buyer).';

/** Source: shared/api/marketplaces.md §2 and Ozon's Seller API OpenAPI description (chat part). */
export const ozonCapabilities: Capabilities = {
  marketplace: 'ozon',
  displayName: 'Ozon',
  listChats: true,
  // Ozon has no get-chat method: the client finds the chat in /v3/chat/list.
  getChat: true,
  listMessages: true,
  incrementalHistory: true,
  sendText: true,
  getMessage: false,
  sendFile: 'base64',
  attachmentsWithText: false,
  markRead: 'explicit',
  startChat: 'posting',
  listUnseen: true,
  push: true,
  text: { minLength: 1, maxLength: 1000 },
  // Ozon documents no size or type limit for /v1/chat/send/file.
  attachments: { maxCount: 1, maxSize: null, mimeTypes: null },
  paging: { chatsMax: 1000, chatsDefault: 30, messagesMax: 1000, messagesDefault: 50 },
  sendWindows: OZON_SEND_WINDOWS,
  chatKinds: ['direct', 'support'],
  chatFilters: ['unreadOnly', 'statuses'],
  notes: [
    'Only Buyer_Seller chats are chats with buyers; Ozon support and notification chats are listed with kind "support".',
    'Premium Plus (or Premium Pro) is required for everything but listing chats; without it Ozon refuses with a permission error.',
    'Mark as read is explicit and marks the given message and every earlier one.',
    'A chat is started by posting number (FBS/rFBS only); the list of chats does not tell which order a chat is about.',
    'Ozon allows 50 requests per second per Client-Id across all methods.',
  ],
};
