import type { Clock } from '../../http/clock.js';
import { parseJson } from '../../json/lossless.js';
import type { ChatKind } from '../../model/chat.js';
import type { Message, SenderRole } from '../../model/message.js';
import { toIsoUtc } from '../../time/iso.js';
import { mapOzonChatKind } from './map-chat.js';
import { mapOzonMessage } from './map-message.js';
import { mapOzonUserType } from './user-type.js';

/**
 * Ozon push notifications (Seller API tags push_start, push_types, service_response). Pure
 * functions: the host owns the HTTP server and must answer within 5 s.
 */

export type OzonPushErrorCode = 'ERROR_UNKNOWN' | 'ERROR_PARAMETER_VALUE_MISSED' | 'ERROR_REQUEST_DUPLICATED';

export interface OzonPushUser {
  id?: string;
  /** As sent (may be "Сustomer" with a Cyrillic С). */
  type: string;
  role: SenderRole;
}

interface ChatBase {
  chatId: string;
  chatType?: string;
  /** Buyer_Seller → 'direct'; Seller_Support and Seller_Notification → 'support'. */
  kind: ChatKind;
  sellerId?: string;
  raw: unknown;
}

export type OzonNotification =
  | { type: 'TYPE_PING'; time?: string; raw: unknown }
  | (ChatBase & {
      type: 'TYPE_NEW_MESSAGE';
      messageId: string;
      createdAt: string;
      user: OzonPushUser;
      message: Message;
    })
  | (ChatBase & {
      type: 'TYPE_UPDATE_MESSAGE';
      messageId: string;
      createdAt: string;
      updatedAt?: string;
      user: OzonPushUser;
      message: Message;
    })
  | (ChatBase & {
      type: 'TYPE_MESSAGE_READ';
      messageId?: string;
      createdAt?: string;
      lastReadMessageId: string;
      user?: OzonPushUser;
    })
  | (ChatBase & { type: 'TYPE_CHAT_CLOSED'; user?: OzonPushUser })
  /** Posting, product and stock notifications: acknowledged and not acted on. */
  | { type: 'IGNORED'; messageType: string; raw: unknown };

export type OzonPushParse =
  | { ok: true; notification: OzonNotification }
  | { ok: false; code: OzonPushErrorCode; message: string };

export interface PushReply {
  status: number;
  body: unknown;
}

export interface OzonPushIdentity {
  /** Application version, answered to TYPE_PING. */
  version: string;
  /** Application name, answered to TYPE_PING. */
  name: string;
}

/** Reads a notification body: the raw request text (parsed losslessly) or already-parsed JSON. */
export function parseOzonNotification(body: unknown): OzonPushParse {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = parseJson(body);
    } catch {
      return problem('ERROR_UNKNOWN', 'the body is not JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problem('ERROR_UNKNOWN', 'the body is not a JSON object');
  }
  const o = value as Record<string, unknown>;
  const type = o.message_type;
  if (typeof type !== 'string' || type === '')
    return problem('ERROR_PARAMETER_VALUE_MISSED', 'message_type is missing');
  try {
    switch (type) {
      case 'TYPE_PING': {
        const time = o.time === undefined ? undefined : dateTime(o, 'time');
        return {
          ok: true,
          notification: time === undefined ? { type, raw: value } : { type, time, raw: value },
        };
      }
      case 'TYPE_NEW_MESSAGE':
      case 'TYPE_UPDATE_MESSAGE': {
        const chat = base(o, value);
        if (!Array.isArray(o.data)) throw new FieldProblem('data is missing');
        const user = requiredUser(o);
        const messageId = id(o, 'message_id');
        const createdAt = dateTime(o, 'created_at');
        const message = mapOzonMessage(value, chat.chatId);
        if (type === 'TYPE_NEW_MESSAGE') {
          return { ok: true, notification: { type, ...chat, messageId, createdAt, user, message } };
        }
        const updatedAt = o.updated_at === undefined ? undefined : dateTime(o, 'updated_at');
        const n = { type, ...chat, messageId, createdAt, user, message };
        return { ok: true, notification: updatedAt === undefined ? n : { ...n, updatedAt } };
      }
      case 'TYPE_MESSAGE_READ': {
        const n: OzonNotification = {
          type,
          ...base(o, value),
          lastReadMessageId: id(o, 'last_read_message_id'),
        };
        if (o.message_id !== undefined) n.messageId = id(o, 'message_id');
        if (o.created_at !== undefined) n.createdAt = dateTime(o, 'created_at');
        const user = optionalUser(o);
        if (user) n.user = user;
        return { ok: true, notification: n };
      }
      case 'TYPE_CHAT_CLOSED': {
        const n: OzonNotification = { type, ...base(o, value) };
        const user = optionalUser(o);
        if (user) n.user = user;
        return { ok: true, notification: n };
      }
      default:
        return { ok: true, notification: { type: 'IGNORED', messageType: type, raw: value } };
    }
  } catch (err) {
    if (err instanceof FieldProblem)
      return problem('ERROR_PARAMETER_VALUE_MISSED', `${type}: ${err.message}`);
    // mapOzonMessage refusing the message (e.g. data items that are not text) is a bad notification too.
    if (err instanceof Error) return problem('ERROR_UNKNOWN', `${type}: ${err.message}`);
    throw err;
  }
}

/** The 200 reply: `{version, name, time}` to TYPE_PING (time from the injected clock, ISO UTC), `{result: true}` to the rest. */
export function ozonPushSuccessReply(
  notification: OzonNotification,
  identity: OzonPushIdentity,
  clock: Clock,
): PushReply {
  if (notification.type !== 'TYPE_PING') return { status: 200, body: { result: true } };
  for (const field of ['version', 'name'] as const) {
    if (typeof identity[field] !== 'string' || identity[field] === '') {
      throw new RangeError(`Ozon push reply: ${field} must be a non-empty string`);
    }
  }
  return {
    status: 200,
    body: { version: identity.version, name: identity.name, time: new Date(clock.now()).toISOString() },
  };
}

/** `{error:{code, message, details: null}}` with a 4xx status (400 unless told otherwise). */
export function ozonPushErrorReply(code: OzonPushErrorCode, message: string, status = 400): PushReply {
  if (status < 400 || status > 599) throw new RangeError('Ozon push error reply: status must be 4xx or 5xx');
  return { status, body: { error: { code, message, details: null } } };
}

/** Parse and answer in one step; the notification is returned for the watcher when it was valid. */
export function answerOzonPush(
  body: unknown,
  identity: OzonPushIdentity,
  clock: Clock,
): PushReply & { notification?: OzonNotification } {
  const parsed = parseOzonNotification(body);
  if (!parsed.ok) return ozonPushErrorReply(parsed.code, parsed.message);
  return { ...ozonPushSuccessReply(parsed.notification, identity, clock), notification: parsed.notification };
}

class FieldProblem extends Error {}

function problem(code: OzonPushErrorCode, message: string): OzonPushParse {
  return { ok: false, code, message: `Ozon notification: ${message}` };
}

function base(o: Record<string, unknown>, raw: unknown): ChatBase {
  const chatId = o.chat_id;
  if (typeof chatId !== 'string' || chatId.trim() === '') throw new FieldProblem('chat_id is missing');
  const chatType = typeof o.chat_type === 'string' ? o.chat_type : undefined;
  const b: ChatBase = { chatId, kind: mapOzonChatKind(chatType), raw };
  if (chatType !== undefined) b.chatType = chatType;
  // seller_id: int64 in the table, a string ("7") in every example.
  if (o.seller_id !== undefined && o.seller_id !== null) b.sellerId = id(o, 'seller_id');
  return b;
}

/** message_id is a string in the push docs; a number is accepted too. */
function id(o: Record<string, unknown>, field: string): string {
  const v = o[field];
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return v.trim();
  throw new FieldProblem(
    v === undefined || v === null || v === '' ? `${field} is missing` : `${field} is not an id`,
  );
}

function dateTime(o: Record<string, unknown>, field: string): string {
  const v = o[field];
  if (typeof v !== 'string' || v === '') throw new FieldProblem(`${field} is missing`);
  const iso = toIsoUtc(v);
  if (iso === undefined) throw new FieldProblem(`${field} is not a date-time`);
  return iso;
}

function requiredUser(o: Record<string, unknown>): OzonPushUser {
  const user = optionalUser(o);
  if (!user) throw new FieldProblem('user.type is missing');
  return user;
}

function optionalUser(o: Record<string, unknown>): OzonPushUser | undefined {
  const u = o.user;
  if (typeof u !== 'object' || u === null) return undefined;
  const { id: userId, type } = u as Record<string, unknown>;
  if (typeof type !== 'string' || type === '') return undefined;
  const user: OzonPushUser = { type, role: mapOzonUserType(type) };
  if (typeof userId === 'string' && userId !== '') user.id = userId;
  else if (typeof userId === 'number') user.id = String(userId);
  return user;
}
