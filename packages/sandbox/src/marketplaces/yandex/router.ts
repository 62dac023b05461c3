import type { Handler } from './call.js';
import { createChat } from './endpoints/create-chat.js';
import { getChat } from './endpoints/get-chat.js';
import { getChats } from './endpoints/get-chats.js';
import { getChatHistory } from './endpoints/get-history.js';
import { getChatMessage } from './endpoints/get-message.js';
import { sendFileToChat } from './endpoints/send-file.js';
import { sendMessageToChat } from './endpoints/send-message.js';
import { YandexHttpError } from './errors.js';
import type { Operation } from './operations.js';

interface Route {
  operation: Operation;
  handler: Handler;
}

/** Paths below /v2/businesses/{businessId}, and the method each answers. */
const ROUTES: Record<string, Record<string, Route>> = {
  '/chats': { POST: { operation: 'getChats', handler: getChats } },
  '/chat': { GET: { operation: 'getChat', handler: getChat } },
  '/chats/new': { POST: { operation: 'createChat', handler: createChat } },
  '/chats/message': {
    POST: { operation: 'sendMessageToChat', handler: sendMessageToChat },
    GET: { operation: 'getChatMessage', handler: getChatMessage },
  },
  '/chats/file/send': { POST: { operation: 'sendFileToChat', handler: sendFileToChat } },
  '/chats/history': { POST: { operation: 'getChatHistory', handler: getChatHistory } },
};

export interface Matched extends Route {
  businessId: number;
}

/** 404 for an unknown path, 405 for a known path with another method, 400 for a bad businessId. */
export function route(method: string, path: string): Matched {
  const match = /^\/v2\/businesses\/([^/]+)(\/.*?)\/?$/.exec(path);
  const methods = match ? ROUTES[match[2]!] : undefined;
  if (!match || !methods) throw new YandexHttpError(404, `Method or resource not found: ${path}`);
  const found = methods[method.toUpperCase()];
  if (!found) {
    throw new YandexHttpError(
      405,
      `${method.toUpperCase()} is not allowed on ${path}; use ${Object.keys(methods).join(' or ')}`,
    );
  }
  const raw = match[1]!;
  const businessId = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(businessId) || businessId < 1) {
    throw new YandexHttpError(400, `Path parameter businessId must be an integer >= 1, got "${raw}"`);
  }
  return { ...found, businessId };
}
