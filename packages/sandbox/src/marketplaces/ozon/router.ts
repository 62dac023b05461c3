import type { Handler } from './call.js';
import { chatHistory } from './endpoints/chat-history.js';
import { chatList } from './endpoints/chat-list.js';
import { chatRead } from './endpoints/chat-read.js';
import { chatStart } from './endpoints/chat-start.js';
import { sendFile } from './endpoints/send-file.js';
import { sendMessage } from './endpoints/send-message.js';
import { OzonHttpError } from './errors.js';

/** The chat methods we emulate; /v2/chat/list and /v2/chat/history (switched off) are not among them. */
const ROUTES: Record<string, Handler> = {
  '/v3/chat/list': chatList,
  '/v3/chat/history': chatHistory,
  '/v1/chat/send/message': sendMessage,
  '/v1/chat/send/file': sendFile,
  '/v2/chat/read': chatRead,
  '/v1/chat/start': chatStart,
};

/** Every Ozon method is POST: 404 for an unknown path, 405 for another method on a known one. */
export function route(method: string, path: string): Handler {
  const handler = ROUTES[path.replace(/\/+$/, '')];
  if (!handler) throw new OzonHttpError(404, 'Not Found');
  if (method.toUpperCase() !== 'POST')
    throw new OzonHttpError(405, 'Method Not Allowed: every Ozon method is POST');
  return handler;
}
