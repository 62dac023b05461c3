import { ValidationError } from '../../errors/errors.js';
import type { QueryValue } from '../../http/request.js';
import { parseTime } from '../../time/iso.js';
import type { ListChatsOptions } from '../client.js';
import { metroId } from './ids.js';
import { METRO_STATUSES_FOR } from './map-chat.js';

export const METRO_CHATS_DEFAULT_LIMIT = 20;
// Metro documents no maximum; 100 keeps one response small enough either way (GUESS, see docs).
export const METRO_CHATS_MAX_LIMIT = 100;

type Entries = Array<readonly [string, QueryValue]>;

function invalid(field: string, message: string, limit: string): ValidationError {
  return new ValidationError(`Metro Markets: ${field} ${message}`, { marketplace: 'metro', field, limit });
}

/** RFC 3339 as Metro's own examples write it: whole seconds and `+00:00`. */
export function metroTime(iso: string, field: string): string {
  const ms = parseTime(iso);
  if (ms === undefined)
    throw invalid(field, `is not a date (got ${JSON.stringify(iso)})`, 'an ISO 8601 date-time');
  // Rounding down keeps "at or after" inclusive: a chat in the cut-off second is still listed.
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}

export function parseOffset(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^\d{1,9}$/.test(cursor)) {
    throw invalid(
      'cursor',
      `is not a Metro page cursor (got ${JSON.stringify(cursor)})`,
      'a cursor from a previous page',
    );
  }
  return Number(cursor);
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return METRO_CHATS_DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw invalid('limit', `must be a whole number from 1 (got ${limit})`, `1 to ${METRO_CHATS_MAX_LIMIT}`);
  }
  return Math.min(limit, METRO_CHATS_MAX_LIMIT);
}

function statusValues(statuses: ListChatsOptions['statuses']): string[] {
  const out: string[] = [];
  for (const status of statuses ?? []) {
    const metro = METRO_STATUSES_FOR[status];
    if (!metro) {
      throw invalid(
        'statuses',
        `has "${status}", which Metro chats never have`,
        `any of ${Object.keys(METRO_STATUSES_FOR).join(', ')}`,
      );
    }
    for (const value of metro) if (!out.includes(value)) out.push(value);
  }
  return out;
}

function extraEntries(extra: Record<string, unknown> | undefined): Entries {
  const out: Entries = [];
  for (const [key, value] of Object.entries(extra ?? {})) {
    const ok =
      value === undefined ||
      value === null ||
      ['string', 'number', 'boolean'].includes(typeof value) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'));
    if (!ok)
      throw invalid(`extra.${key}`, 'must be a string, number, boolean or a list of them', 'a query value');
    out.push([key, value as QueryValue]);
  }
  return out;
}

/**
 * The `GET /openapi/v1/chats` query for the common list options, in Metro's bracket syntax.
 * `extra` entries (e.g. `filters[destinations][]`) are passed through after them, unchanged.
 */
export function metroChatsQuery(options: ListChatsOptions & { chatId?: string }): Entries {
  const query: Entries = [];
  if (options.chatId !== undefined) query.push(['filters[chatId]', metroId('chatId', options.chatId)]);
  if (options.orderId !== undefined) query.push(['filters[orderId]', metroId('orderId', options.orderId)]);
  if (options.unreadOnly) query.push(['filters[isSeen]', 0]);
  const statuses = statusValues(options.statuses);
  if (statuses.length > 0) query.push(['filters[statuses][]', statuses]);
  if (options.lastMessageFrom !== undefined) {
    query.push(['filters[lastMessage][from]', metroTime(options.lastMessageFrom, 'lastMessageFrom')]);
  }
  query.push(['limit', pageLimit(options.limit)], ['offset', parseOffset(options.cursor)]);
  query.push(...extraEntries(options.extra));
  return query;
}
