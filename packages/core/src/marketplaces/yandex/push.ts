import type { Clock } from '../../http/clock.js';
import { parseJson } from '../../json/lossless.js';
import { toIsoUtc } from '../../time/iso.js';

/**
 * Yandex Market API notifications (POST /notification), per the official notification API
 * description (yandex-market-notification-api). Pure functions: the host owns the HTTP server.
 */

export type YandexPushErrorType = 'UNKNOWN' | 'WRONG_EVENT_FORMAT' | 'DUPLICATED_EVENT';

interface ChatNotificationBase {
  chatId: string;
  businessId: string;
  raw: unknown;
}

export type YandexNotification =
  | { type: 'PING'; time?: string; raw: unknown }
  | (ChatNotificationBase & { type: 'CHAT_CREATED'; createdAt: string })
  | (ChatNotificationBase & { type: 'CHAT_MESSAGE_SENT'; messageId: string; sentAt: string })
  | (ChatNotificationBase & { type: 'CHAT_ARBITRAGE_STARTED'; startedAt: string })
  | (ChatNotificationBase & { type: 'CHAT_ARBITRAGE_FINISHED'; finishedAt: string })
  /** Order, feedback and question notifications: accepted (Market wants a 200) and not acted on. */
  | { type: 'IGNORED'; notificationType: string; raw: unknown };

export type YandexPushParse =
  | { ok: true; notification: YandexNotification }
  | { ok: false; errorType: YandexPushErrorType; message: string };

export interface PushReply {
  status: number;
  body: unknown;
}

export interface YandexPushIdentity {
  /** Integration version, 1–100 characters: Market refuses a reply without it. */
  version: string;
  /** Integration name, 1–100 characters. */
  name: string;
}

/** Reads a notification body: the raw request text (parsed losslessly) or already-parsed JSON. */
export function parseYandexNotification(body: unknown): YandexPushParse {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = parseJson(body);
    } catch {
      return wrong('the body is not JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return wrong('the body is not a JSON object');
  const o = value as Record<string, unknown>;
  const type = o.notificationType;
  if (typeof type !== 'string' || type === '') return wrong('notificationType is missing');
  try {
    switch (type) {
      case 'PING': {
        const time = o.time === undefined ? undefined : dateTime(o, 'time');
        return {
          ok: true,
          notification: time === undefined ? { type, raw: value } : { type, time, raw: value },
        };
      }
      case 'CHAT_CREATED':
        return { ok: true, notification: { type, ...base(o, value), createdAt: dateTime(o, 'createdAt') } };
      case 'CHAT_MESSAGE_SENT':
        return {
          ok: true,
          notification: {
            type,
            ...base(o, value),
            messageId: id(o, 'messageId', true),
            sentAt: dateTime(o, 'sentAt'),
          },
        };
      case 'CHAT_ARBITRAGE_STARTED':
        return { ok: true, notification: { type, ...base(o, value), startedAt: dateTime(o, 'startedAt') } };
      case 'CHAT_ARBITRAGE_FINISHED':
        return { ok: true, notification: { type, ...base(o, value), finishedAt: dateTime(o, 'finishedAt') } };
      default:
        return { ok: true, notification: { type: 'IGNORED', notificationType: type, raw: value } };
    }
  } catch (err) {
    if (err instanceof FieldProblem) return wrong(`${type}: ${err.message}`);
    throw err;
  }
}

/** 200 `{version, name, time}`: `time` is when processing started, ISO 8601 UTC from the injected clock. */
export function yandexPushSuccessReply(identity: YandexPushIdentity, clock: Clock): PushReply {
  for (const field of ['version', 'name'] as const) {
    const v = identity[field];
    if (typeof v !== 'string' || v.length < 1 || v.length > 100) {
      throw new RangeError(`Yandex Market push reply: ${field} must be 1–100 characters`);
    }
  }
  return {
    status: 200,
    body: { version: identity.version, name: identity.name, time: new Date(clock.now()).toISOString() },
  };
}

/**
 * `{error:{type, message}}`. 400 tells Market the notification itself was wrong; 500 is a
 * fault on our side (Market treats any other status as 500 and sends again).
 */
export function yandexPushErrorReply(type: YandexPushErrorType, message: string, status?: number): PushReply {
  return { status: status ?? (type === 'UNKNOWN' ? 500 : 400), body: { error: { type, message } } };
}

/** Parse and answer in one step; the notification is returned for the watcher when it was valid. */
export function answerYandexPush(
  body: unknown,
  identity: YandexPushIdentity,
  clock: Clock,
): PushReply & { notification?: YandexNotification } {
  const parsed = parseYandexNotification(body);
  if (!parsed.ok) return yandexPushErrorReply(parsed.errorType, parsed.message, 400);
  return { ...yandexPushSuccessReply(identity, clock), notification: parsed.notification };
}

class FieldProblem extends Error {}

function wrong(message: string): YandexPushParse {
  return { ok: false, errorType: 'WRONG_EVENT_FORMAT', message: `Yandex Market notification: ${message}` };
}

function base(o: Record<string, unknown>, raw: unknown): ChatNotificationBase {
  return { chatId: id(o, 'chatId'), businessId: id(o, 'businessId'), raw };
}

/**
 * int64 in the spec, but CHAT_MESSAGE_SENT.messageId is typed string: both forms are accepted
 * everywhere, and messageId may be any non-empty string since the spec promises no digits.
 */
function id(o: Record<string, unknown>, field: string, anyString = false): string {
  const v = o[field];
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && (anyString ? v.trim() !== '' : /^\d+$/.test(v))) return v;
  throw new FieldProblem(v === undefined || v === null ? `${field} is missing` : `${field} is not an id`);
}

function dateTime(o: Record<string, unknown>, field: string): string {
  const v = o[field];
  if (typeof v !== 'string') throw new FieldProblem(`${field} is missing`);
  const iso = toIsoUtc(v);
  if (iso === undefined) throw new FieldProblem(`${field} is not a date-time`);
  return iso;
}
