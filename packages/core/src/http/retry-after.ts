import { parseHttpDate } from '../time/http-date.js';

/**
 * Milliseconds to wait from a `Retry-After` value: delay-seconds or an HTTP date, measured
 * against the injected clock (`nowMs`). A date in the past means "now" (0). Unreadable values
 * give undefined so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = parseHttpDate(text);
  return at === undefined ? undefined : Math.max(0, at - nowMs);
}

/**
 * How long a rate-limited response asks us to wait. `Retry-After` wins. Otherwise Yandex's
 * `X-RateLimit-Resource-Until` (an RFC 822 date, when the hourly quota resets) is used, but
 * only when `X-RateLimit-Resource-Remaining` says the quota is spent: a 420 with quota left
 * is the 4-parallel-requests limit, which clears in moments, not at the end of the hour.
 */
export function retryAfterFromHeaders(headers: Record<string, string>, nowMs: number): number | undefined {
  const get = (name: string): string | undefined => {
    for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
    return undefined;
  };
  const retryAfter = parseRetryAfter(get('retry-after'), nowMs);
  if (retryAfter !== undefined) return retryAfter;
  const until = get('x-ratelimit-resource-until');
  const remaining = get('x-ratelimit-resource-remaining');
  if (until === undefined || remaining === undefined || Number(remaining.trim()) > 0) return undefined;
  const at = parseHttpDate(until);
  return at === undefined ? undefined : Math.max(0, at - nowMs);
}
