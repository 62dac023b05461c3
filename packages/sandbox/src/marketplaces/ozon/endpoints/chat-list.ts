import { type Call, ok } from '../call.js';
import { badRequest } from '../errors.js';
import { limit, optionalBoolean, optionalObject, optionalString } from '../fields.js';
import type { Chat } from '../model.js';
import { lastActivity, unread } from '../store.js';
import { chatItem } from '../views.js';

const STATUSES = ['All', 'Opened', 'Closed'] as const;

interface Cursor {
  at: number;
  id: string;
}

function encodeCursor(chat: Chat): string {
  return Buffer.from(JSON.stringify({ at: lastActivity(chat), id: chat.chatId })).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof cursor.at === 'number' && typeof cursor.id === 'string') return cursor as Cursor;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('cursor is not valid: pass the cursor of the previous response unchanged');
}

/** Latest activity first (a guess), ties by chat_id; the cursor is a keyset position. */
function newestFirst(a: Chat, b: Chat): number {
  return lastActivity(b) - lastActivity(a) || (a.chatId < b.chatId ? -1 : 1);
}

function after(chat: Chat, cursor: Cursor): boolean {
  const at = lastActivity(chat);
  return at < cursor.at || (at === cursor.at && chat.chatId > cursor.id);
}

/** /v3/chat/list: limit required (≤ 1000), filter.chat_status and unread_only, opaque cursor. */
export function chatList({ body, store }: Call) {
  const pageSize = limit(body, { max: 1000 });
  const filter = optionalObject(body, 'filter');
  const status = optionalString(filter, 'chat_status') || 'All';
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw badRequest(`filter.chat_status must be one of ${STATUSES.join(', ')}, got "${status}"`);
  }
  const unreadOnly = optionalBoolean(filter, 'unread_only') ?? false;
  const rawCursor = optionalString(body, 'cursor');
  const cursor = rawCursor ? decodeCursor(rawCursor) : undefined;

  const all = [...store.chats.values()];
  const matching = all
    .filter((chat) => status === 'All' || chat.status === status)
    .filter((chat) => !unreadOnly || unread(chat).length > 0)
    .sort(newestFirst)
    .filter((chat) => !cursor || after(chat, cursor));
  const page = matching.slice(0, pageSize);
  const last = page.at(-1);
  return ok({
    chats: page.map(chatItem),
    total_unread_count: all.reduce((sum, chat) => sum + unread(chat).length, 0),
    cursor: last ? encodeCursor(last) : (rawCursor ?? ''),
    has_next: matching.length > pageSize,
  });
}
