import { invalid } from './envelope.js';
import { CHAT_STATUSES, type ChatStatus, chatStatus } from './status.js';
import type { MetroStore, StoredChat } from './store.js';
import { parseRfc3339 } from './time.js';

/** The query of GET /openapi/v1/chats (seed:metro-chats), parsed and checked. */
export interface ChatQuery {
  orderNumber?: string;
  orderId?: string;
  chatId?: string;
  isSeen?: boolean;
  destinations?: Set<string>;
  statuses?: Set<ChatStatus>;
  lastMessageFromMs?: number;
  lastMessageToMs?: number;
  limit: number;
  offset: number;
}

const SCALARS = ['orderNumber', 'orderId', 'chatId', 'isSeen', 'lastMessage][from', 'lastMessage][to'];
const LISTS = ['destinations', 'statuses'];

export function parseChatQuery(query: URLSearchParams, maxPageSize: number, nowMs: number): ChatQuery {
  rejectUnknownFilters(query);
  const scalar = (name: string): string | undefined => {
    const value = query.get(`filters[${name}]`);
    return value === null || value === '' ? undefined : value;
  };
  const result: ChatQuery = {
    limit: integerParam(query, 'limit', 20, 1, maxPageSize),
    offset: integerParam(query, 'offset', 0, 0, Number.POSITIVE_INFINITY),
  };
  const orderNumber = scalar('orderNumber');
  if (orderNumber !== undefined) result.orderNumber = orderNumber;
  const orderId = scalar('orderId');
  if (orderId !== undefined) result.orderId = orderId;
  const chatId = scalar('chatId');
  if (chatId !== undefined) result.chatId = chatId;

  const isSeen = scalar('isSeen');
  if (isSeen !== undefined) {
    if (isSeen !== '1' && isSeen !== '0') {
      throw invalid('filters[isSeen]', `must be 1 (seen) or 0 (with unseen messages), got '${isSeen}'`);
    }
    result.isSeen = isSeen === '1';
  }

  const destinations = listParam(query, 'destinations');
  if (destinations) result.destinations = new Set(destinations.map((d) => d.toLowerCase()));

  const statuses = listParam(query, 'statuses');
  if (statuses) {
    for (const status of statuses) {
      if (!(CHAT_STATUSES as readonly string[]).includes(status)) {
        throw invalid('filters[statuses][]', `'${status}' is not one of ${CHAT_STATUSES.join(', ')}`);
      }
    }
    result.statuses = new Set(statuses as ChatStatus[]);
  }

  const from = timeParam(scalar('lastMessage][from'), 'filters[lastMessage][from]');
  const to = timeParam(scalar('lastMessage][to'), 'filters[lastMessage][to]');
  if (from !== undefined) result.lastMessageFromMs = from;
  // seed:metro-chats: with a lower bound and no upper bound, the upper bound is "now".
  if (to !== undefined) result.lastMessageToMs = to;
  else if (from !== undefined) result.lastMessageToMs = nowMs;
  return result;
}

/** True when the query narrows the chats at all (else a page is a plain slice). */
export function hasFilters(q: ChatQuery): boolean {
  return (
    q.orderNumber !== undefined ||
    q.orderId !== undefined ||
    q.chatId !== undefined ||
    q.isSeen !== undefined ||
    q.destinations !== undefined ||
    q.statuses !== undefined ||
    q.lastMessageFromMs !== undefined ||
    q.lastMessageToMs !== undefined
  );
}

/**
 * The chats matching every filter, most recent activity first. The id filters and the unseen
 * filter start from an index; the rest scan the candidates.
 */
export function filterChats(store: MetroStore, q: ChatQuery, nowMs: number): readonly StoredChat[] {
  let candidates: readonly StoredChat[];
  if (q.chatId !== undefined) candidates = listOf(store.chats.get(q.chatId));
  else if (q.orderId !== undefined) candidates = chatOfOrder(store, q.orderId);
  else if (q.orderNumber !== undefined)
    candidates = chatOfOrder(store, store.orderIdByNumber.get(q.orderNumber));
  else if (q.isSeen === false) candidates = store.unseenByActivity();
  else candidates = store.byActivity();
  return candidates.filter((chat) => matches(store, chat, q, nowMs));
}

function matches(store: MetroStore, chat: StoredChat, q: ChatQuery, nowMs: number): boolean {
  const order = store.orders.get(chat.orderId);
  if (!order) return false;
  if (q.chatId !== undefined && chat.id !== q.chatId) return false;
  if (q.orderId !== undefined && order.id !== q.orderId) return false;
  if (q.orderNumber !== undefined && order.orderNumber !== q.orderNumber) return false;
  if (q.isSeen !== undefined && (chat.unseenBuyerCount === 0) !== q.isSeen) return false;
  if (q.destinations && !q.destinations.has(order.salesChannel.toLowerCase())) return false;
  if (q.statuses && !q.statuses.has(chatStatus(chat, nowMs))) return false;
  if (q.lastMessageFromMs !== undefined && chat.lastMessageAtMs < q.lastMessageFromMs) return false;
  if (q.lastMessageToMs !== undefined && chat.lastMessageAtMs > q.lastMessageToMs) return false;
  return true;
}

function listOf(chat: StoredChat | undefined): StoredChat[] {
  return chat ? [chat] : [];
}

function chatOfOrder(store: MetroStore, orderId: string | undefined): StoredChat[] {
  const chatId = orderId === undefined ? undefined : store.orders.get(orderId)?.chatId;
  return listOf(chatId === undefined ? undefined : store.chats.get(chatId));
}

/** A typo in a filter name would silently widen the result; the sandbox refuses it instead. */
function rejectUnknownFilters(query: URLSearchParams): void {
  for (const key of query.keys()) {
    if (!key.startsWith('filters')) continue;
    const inner = /^filters\[(.+)\]$/.exec(key)?.[1] ?? '';
    const list = /^(\w+)\]\[\d*$/.exec(inner)?.[1];
    if (SCALARS.includes(inner) || (list !== undefined && LISTS.includes(list))) continue;
    if (LISTS.includes(inner)) {
      throw invalid(key, `must be an array: repeat filters[${inner}][]=value`);
    }
    throw invalid(
      key,
      `is not a Metro chat filter (known: orderNumber, orderId, chatId, isSeen, destinations[], statuses[], lastMessage[from], lastMessage[to])`,
    );
  }
}

/** PHP-style arrays: `filters[x][]=a&filters[x][]=b`, and the indexed `filters[x][0]=a` form too. */
function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values: string[] = [];
  const prefix = `filters[${name}][`;
  for (const [key, value] of query) {
    if (key.startsWith(prefix) && /^\d*\]$/.test(key.slice(prefix.length)) && value !== '')
      values.push(value);
  }
  return values.length > 0 ? values : undefined;
}

function integerParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    const range = Number.isFinite(max) ? `from ${min} to ${max}` : `≥ ${min}`;
    throw invalid(name, `must be an integer ${range}, got '${raw}'`);
  }
  return Number(raw);
}

function timeParam(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseRfc3339(value);
  if (!parsed.ok) throw invalid(field, parsed.reason);
  return parsed.ms;
}
