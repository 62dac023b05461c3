import type { SandboxRequest, SandboxResponse } from '../../types.js';
import { ALLOWED_FILE_TYPES, isAllowedFileType, MAX_ATTACHMENTS_PER_MESSAGE } from './attachment-rules.js';
import type { MetroEnv } from './env.js';
import { invalid, notFound, success } from './envelope.js';
import { uuidFrom } from './ids.js';
import { jsonObjectBody } from './json-body.js';
import type { StoredAttachment, StoredChat, StoredMessage } from './store.js';
import { wholeSeconds } from './time.js';
import { messageView } from './views.js';

function chatOrThrow(env: MetroEnv, chatId: string): StoredChat {
  const chat = env.store.chats.get(chatId);
  if (!chat) throw notFound(`Chat [${chatId}]`);
  return chat;
}

/**
 * seed:metro-messages names an automatic "Mark as Seen" on listing and sending but does not
 * define it; the sandbox marks the chat's BUYER messages seen (marketplaces.md §3.6 guess).
 */
function markBuyerMessagesSeen(env: MetroEnv, chat: StoredChat): void {
  env.store.markSeen(chat, 'BUYER', wholeSeconds(env.ctx.now()));
}

/** POST /openapi/v1/chats/{chatId}/messages */
export function sendMessage(env: MetroEnv, req: SandboxRequest, chatId: string): SandboxResponse {
  const chat = chatOrThrow(env, chatId);
  const body = jsonObjectBody(req);
  const content = body.content;
  if (typeof content !== 'string' || content.trim() === '') {
    throw invalid('content', 'is required and must be a non-empty string');
  }
  const max = env.settings.maxContentLength;
  if (max > 0 && content.length > max) {
    throw invalid('content', `is ${content.length} characters; the limit is ${max}`);
  }
  const attachments = checkAttachments(env, chat, body.attachments);
  const order = env.store.orders.get(chat.orderId);
  if (!order) throw new Error(`Metro sandbox: chat ${chat.id} has no order`);

  markBuyerMessagesSeen(env, chat);
  const message: StoredMessage = {
    id: uuidFrom(env.ctx.random),
    chatId: chat.id,
    senderUserType: 'SELLER',
    senderId: env.store.account.id,
    receiverId: order.buyer.id,
    content,
    seenAtMs: null,
    createdAtMs: wholeSeconds(env.ctx.now()),
    attachments,
  };
  env.store.addMessage(chat, message);
  env.store.sentBySeller.push(message);
  return success(201, `Message [${message.id}] has been created`, messageView(message));
}

function checkAttachments(env: MetroEnv, chat: StoredChat, value: unknown): StoredAttachment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid('attachments', 'must be an array of {fileId, fileName, fileType}');
  if (value.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw invalid(
      'attachments',
      `has ${value.length} items; the limit is ${MAX_ATTACHMENTS_PER_MESSAGE} per message`,
    );
  }
  return value.map((item: unknown, index) => {
    const field = `attachments[${index}]`;
    if (typeof item !== 'object' || item === null)
      throw invalid(field, 'must be an object {fileId, fileName, fileType}');
    const { fileId, fileName, fileType } = item as Record<string, unknown>;
    for (const [key, v] of [
      ['fileId', fileId],
      ['fileName', fileName],
      ['fileType', fileType],
    ] as const) {
      if (typeof v !== 'string' || v === '') throw invalid(`${field}.${key}`, 'is required');
    }
    const file = env.store.files.get(fileId as string);
    if (!file || file.orderId !== chat.orderId) {
      throw invalid(
        `${field}.fileId`,
        `is not a file uploaded for order [${chat.orderId}] with POST /openapi/v1/orders/{orderId}/upload-file`,
      );
    }
    if (!isAllowedFileType(fileType as string)) {
      throw invalid(
        `${field}.fileType`,
        `'${String(fileType)}' is not one of ${ALLOWED_FILE_TYPES.join(', ')}`,
      );
    }
    // The seed echoes the fileName the message gave ("Test Document"), not the uploaded one.
    return {
      fileId: file.fileId,
      fileName: fileName as string,
      fileType: fileType as string,
      size: file.size,
      url: file.url,
    };
  });
}

/** GET /openapi/v1/chats/{chatId}/messages: the whole history, oldest first, no paging. */
export function listMessages(env: MetroEnv, chatId: string): SandboxResponse {
  const chat = chatOrThrow(env, chatId);
  markBuyerMessagesSeen(env, chat);
  return success(
    200,
    `Messages for chatId [${chat.id}] fetched successfully`,
    chat.messages.map(messageView),
  );
}

/** GET /openapi/v1/chats/{chatId}/messages/{messageId}: seen only in a third-party client. */
export function getMessage(env: MetroEnv, chatId: string, messageId: string): SandboxResponse {
  const chat = chatOrThrow(env, chatId);
  const message = chat.messages.find((m) => m.id === messageId);
  if (!message) throw notFound(`Message [${messageId}] in chat [${chatId}]`);
  return success(200, `Message [${message.id}] fetched successfully`, messageView(message));
}
