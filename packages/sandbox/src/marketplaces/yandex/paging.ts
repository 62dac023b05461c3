import { YandexHttpError } from './errors.js';

/**
 * Opaque page tokens: base64url JSON naming what they page, so a token from /chats used on
 * /chats/history (or a hand-made one) is refused with 400 instead of silently misread.
 */
export interface ChatsCursor {
  kind: 'chats';
  /** updatedAt (ms) and chatId of the last chat on the previous page. */
  updatedAt: number;
  chatId: number;
}

export interface HistoryCursor {
  kind: 'history';
  /** messageId of the last message on the previous page. */
  messageId: number;
}

type Cursor = ChatsCursor | HistoryCursor;

export function encodeToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function isSafe(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function decodeToken<K extends Cursor['kind']>(token: string, kind: K): Extract<Cursor, { kind: K }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const cursor = parsed as {
    kind?: unknown;
    updatedAt?: unknown;
    chatId?: unknown;
    messageId?: unknown;
  } | null;
  const valid =
    typeof cursor === 'object' &&
    cursor !== null &&
    cursor.kind === kind &&
    (kind === 'chats' ? isSafe(cursor.updatedAt) && isSafe(cursor.chatId) : isSafe(cursor.messageId));
  if (!valid) {
    throw new YandexHttpError(
      400,
      'pageToken is not valid: pass nextPageToken from the previous response unchanged',
    );
  }
  return cursor as Extract<Cursor, { kind: K }>;
}

/** page_token and pageToken are both accepted (x-aliases); sending two different ones is an error. */
export function pageTokenFrom(query: URLSearchParams): string | undefined {
  const values = [...query.getAll('page_token'), ...query.getAll('pageToken')].filter(
    (value) => value !== '',
  );
  const distinct = [...new Set(values)];
  if (distinct.length > 1) {
    throw new YandexHttpError(
      400,
      'pageToken is given twice with different values (page_token and pageToken)',
    );
  }
  return distinct[0];
}
