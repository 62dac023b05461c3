import type { PushNotification } from '../types.js';

export interface PushReply {
  status: number;
  contentType: string;
  body: string;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isShortString(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 1 && value.length <= 100;
}

function checkVersionNameTime(body: Record<string, unknown>): string | undefined {
  if (!isShortString(body.version)) return 'reply body: "version" must be a string of 1-100 characters';
  if (!isShortString(body.name)) return 'reply body: "name" must be a string of 1-100 characters';
  if (typeof body.time !== 'string' || !DATE_TIME.test(body.time) || Number.isNaN(Date.parse(body.time))) {
    return 'reply body: "time" must be an ISO 8601 date-time';
  }
  return undefined;
}

/**
 * Why a receiver's reply does not satisfy the marketplace's protocol, or undefined when it
 * does. Yandex: 200 + application/json + {version, name, time} for PING and for events
 * (SendNotificationResponse). Ozon: 200 + application/json + {version, name, time} for
 * TYPE_PING and {"result": true} for everything else.
 */
export function checkPushReply(expect: PushNotification['expect'], reply: PushReply): string | undefined {
  if (reply.status !== 200) return `status ${reply.status}, expected 200`;
  if (!/^application\/json\b/i.test(reply.contentType.trim())) {
    return `content type "${reply.contentType}", expected application/json`;
  }
  let body: unknown;
  try {
    body = JSON.parse(reply.body);
  } catch {
    return 'reply body is not valid JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'reply body is not a JSON object';
  const record = body as Record<string, unknown>;
  if (expect === 'ozon-event') {
    return record.result === true ? undefined : 'reply body: expected {"result": true}';
  }
  return checkVersionNameTime(record);
}
