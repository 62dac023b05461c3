import type { Call } from '../call.js';
import { chatDto } from '../dto.js';
import { okResult, YandexHttpError } from '../errors.js';
import { CHAT_STATUSES, CHAT_TYPES, type Chat, CONTEXT_TYPES } from '../model.js';
import { decodeToken, encodeToken, pageTokenFrom } from '../paging.js';
import { jsonBody, queryLimit } from '../request.js';
import { updatedAt } from '../status.js';

/** A GetChatsRequest filter array: null or absent = no filter; else non-empty and unique. */
function filterArray(body: Record<string, unknown>, name: string): unknown[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    throw new YandexHttpError(400, `${name} must be a non-empty array or null`);
  }
  const keys = value.map((item) => JSON.stringify(item));
  if (new Set(keys).size !== keys.length) throw new YandexHttpError(400, `${name} must not repeat items`);
  return value;
}

function enumFilter<T extends string>(body: Record<string, unknown>, name: string, allowed: readonly T[]) {
  const values = filterArray(body, name);
  if (!values) return undefined;
  for (const value of values) {
    if (!allowed.includes(value as T)) {
      throw new YandexHttpError(
        400,
        `${name} contains ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}`,
      );
    }
  }
  return new Set(values as T[]);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function contextsFilter(body: Record<string, unknown>) {
  const values = filterArray(body, 'contexts');
  if (!values) return undefined;
  return values.map((item, index) => {
    const context = item as { type?: unknown; id?: unknown } | null;
    if (typeof context !== 'object' || context === null || !isId(context.id)) {
      throw new YandexHttpError(400, `contexts[${index}] must be {type: ORDER|RETURN, id: integer >= 1}`);
    }
    if (context.type !== 'ORDER' && context.type !== 'RETURN') {
      throw new YandexHttpError(400, `contexts[${index}].type must be ORDER or RETURN`);
    }
    return { type: context.type, id: context.id };
  });
}

/** POST chats: newest activity first (a guess), keyset-paged on (updatedAt, chatId). */
export function getChats({ req, businessId, store }: Call) {
  const limit = queryLimit(req.query, 20, 10);
  const token = pageTokenFrom(req.query);
  const body = jsonBody(req);
  const orderIds = filterArray(body, 'orderIds');
  if (orderIds && !orderIds.every(isId)) throw new YandexHttpError(400, 'orderIds must hold integers >= 1');
  const contexts = contextsFilter(body);
  const contextTypes = enumFilter(body, 'contextTypes', CONTEXT_TYPES);
  const types = enumFilter(body, 'types', CHAT_TYPES);
  const statuses = enumFilter(body, 'statuses', CHAT_STATUSES);

  const matches = (chat: Chat) =>
    (!orderIds || (chat.context.orderId !== undefined && orderIds.includes(chat.context.orderId))) &&
    (!contexts ||
      contexts.some(
        (c) =>
          c.type === chat.context.type &&
          c.id === (c.type === 'ORDER' ? chat.context.orderId : chat.context.returnId),
      )) &&
    (!contextTypes || contextTypes.has(chat.context.type)) &&
    (!types || types.has(chat.type)) &&
    (!statuses || statuses.has(chat.status));

  const sorted = [...store.chats.values()]
    .filter((chat) => chat.businessId === businessId && matches(chat))
    .sort((a, b) => updatedAt(b) - updatedAt(a) || b.chatId - a.chatId);
  let start = 0;
  if (token) {
    const cursor = decodeToken(token, 'chats');
    start = sorted.findIndex(
      (chat) =>
        updatedAt(chat) < cursor.updatedAt ||
        (updatedAt(chat) === cursor.updatedAt && chat.chatId < cursor.chatId),
    );
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + limit);
  const last = page.at(-1);
  const paging: Record<string, string> = {};
  if (last && start + limit < sorted.length) {
    paging.nextPageToken = encodeToken({ kind: 'chats', updatedAt: updatedAt(last), chatId: last.chatId });
  }
  return okResult({ chats: page.map(chatDto), paging });
}
