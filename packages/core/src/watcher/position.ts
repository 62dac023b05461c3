/**
 * Where a chat or message sits in the marketplace's own order. The watcher never reads the local
 * clock: Metro, Yandex and Storeden are ordered by their timestamps, Ozon by its message ids
 * (uint64, larger than 2^53, so compared as decimal strings).
 */
export type Order = 'time' | 'id';

/** Already in `normalizeTime` form: compared as strings, with no parsing (the hot path). */
const NORMAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** ISO 8601 UTC with milliseconds: fixed width, so string order is time order. */
export function normalizeTime(value: string): string | undefined {
  if (NORMAL.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString();
}

/**
 * The start of the second `value` falls in. Yandex's REST API writes times in whole seconds while
 * its notifications carry milliseconds: a floor taken from a notification must not lie after the
 * message it announces.
 */
export function startOfSecond(value: string): string | undefined {
  const normal = normalizeTime(value);
  return normal === undefined ? undefined : `${normal.slice(0, 19)}.000Z`;
}

export function shiftTime(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

const DECIMAL = /^\d+$/;

function compareDecimal(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Negative, zero or positive as `a` comes before, with or after `b`. */
export function comparePositions(order: Order, a: string, b: string): number {
  if (order === 'id' && DECIMAL.test(a) && DECIMAL.test(b)) return compareDecimal(a, b);
  if (order === 'time' && NORMAL.test(a) && NORMAL.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = order === 'time' ? (normalizeTime(a) ?? a) : a;
  const y = order === 'time' ? (normalizeTime(b) ?? b) : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function maxPosition(order: Order, a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return comparePositions(order, a, b) >= 0 ? a : b;
}
