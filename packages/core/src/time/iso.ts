import { MarketplaceError } from '../errors/errors.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { MARKETPLACE_NAMES } from '../model/marketplace.js';
import { parseHttpDate, utcMillis } from './http-date.js';

export type TimeInput = string | number | Date | null | undefined;

// RFC 3339 and the looser ISO forms marketplaces send: a space for the T, no seconds, any
// number of fraction digits (Ozon can send nanoseconds), offsets with or without a colon
// (Storeden "+0200"), or no offset at all.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Below this a number is read as epoch seconds, above as milliseconds (1e11 s is the year 5138). */
const SECONDS_LIMIT = 1e11;

/**
 * Epoch milliseconds of a marketplace time. Accepts ISO 8601 / RFC 3339 strings (a missing
 * offset means UTC: Ozon documents that its API works in UTC; the others always send an
 * offset), RFC 822 / HTTP dates, Date objects, and epoch seconds or milliseconds as numbers or
 * digit strings. Returns undefined for absent or unreadable input.
 */
export function parseTime(value: TimeInput): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (typeof value === 'number') return fromEpoch(value);
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const m = ISO.exec(text);
  if (!m) return parseHttpDate(text);
  const [, y, mo, d, hh, mi, ss, fraction, zone] = m;
  let offsetMinutes = 0;
  if (zone && zone.toLowerCase() !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    if (digits.length !== 2 && digits.length !== 4) return undefined;
    const sign = zone[0] === '-' ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  // Milliseconds are the precision of the output: further digits are cut, not rounded, so a
  // time never moves into the next millisecond (and past a watermark).
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  return utcMillis(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(hh ?? 0),
    Number(mi ?? 0),
    Number(ss ?? 0),
    ms,
    offsetMinutes,
  );
}

function fromEpoch(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  return Math.trunc(n < SECONDS_LIMIT ? n * 1000 : n);
}

/**
 * A marketplace time as ISO 8601 UTC with milliseconds (`2017-11-20T21:00:00.000Z`), the only
 * form in which times leave the core. Absent or unreadable input gives undefined: optional
 * times (Storeden "" for "not read yet") stay absent. Use `requireIsoUtc` where a time must exist.
 */
export function toIsoUtc(value: TimeInput): string | undefined {
  const ms = parseTime(value);
  if (ms === undefined) return undefined;
  const date = new Date(ms);
  // toISOString throws beyond year 275760; such a time is unreadable, not an error of ours.
  return Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

/**
 * Like `toIsoUtc`, but a missing or unreadable time is a `MarketplaceError` naming the
 * marketplace and the field: the response broke its documented shape.
 */
export function requireIsoUtc(value: TimeInput, marketplace: MarketplaceId, field: string): string {
  const iso = toIsoUtc(value);
  if (iso !== undefined) return iso;
  const shown = value === undefined ? 'missing' : `${JSON.stringify(String(value)).slice(0, 80)}, not a date`;
  throw new MarketplaceError(`${MARKETPLACE_NAMES[marketplace]}: ${field} is ${shown}`, { marketplace });
}
