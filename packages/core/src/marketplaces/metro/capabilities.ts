import type { Capabilities } from '../../model/capabilities.js';

/** The attachment types Metro lists for message attachments, lower case. */
export const METRO_MIME_TYPES = [
  'image/png',
  'image/jpg',
  'image/jpeg',
  'application/pdf',
  'application/vnd.ms-excel',
  'application/msword',
  'application/vnd.ms-word',
  'text/plain',
];

/** 10 MB as Metro writes it: 10,240 KB. */
export const METRO_MAX_FILE_BYTES = 10 * 1024 * 1024;

export const metroCapabilities: Capabilities = {
  marketplace: 'metro',
  displayName: 'Metro Markets',
  listChats: true,
  getChat: true,
  listMessages: true,
  // Metro has no paging or "since" parameter for messages: every read fetches the whole chat and
  // the client drops what came before the known message. Correct, but it costs the whole history.
  incrementalHistory: false,
  sendText: true,
  getMessage: true,
  sendFile: 'upload-then-attach',
  attachmentsWithText: true,
  markRead: 'implicit-on-read',
  startChat: 'order',
  listUnseen: true,
  push: false,
  text: { minLength: 1, maxLength: null },
  attachments: { maxCount: 10, maxSize: METRO_MAX_FILE_BYTES, mimeTypes: METRO_MIME_TYPES },
  paging: { chatsMax: 100, chatsDefault: 20, messagesMax: null, messagesDefault: null },
  sendWindows: null,
  chatKinds: ['order'],
  chatFilters: ['unreadOnly', 'statuses', 'lastMessageFrom', 'orderId'],
  notes: [
    'Reading messages marks them as seen: listing, watching or marking a chat read all set the buyer messages seen on Metro.',
    'Mark read is implicit: it reads the chat, which is what marks its messages seen; it cannot stop at a given message.',
    'Files are uploaded to the order first and then attached to a message; a file sent without text carries its file name as the message text.',
    'Metro sends no chat or message notifications: new messages are found by polling.',
    'Chats are started for an order with a chat category (a leaf of the categories tree) or a legacy subject.',
    'The production host is not confirmed by Metro; set the base URL if yours differs.',
  ],
};
