/**
 * Storeden's date style, e.g. `2018-10-11T10:26:18+0200`: local time with an offset that has
 * no colon. The sandbox uses one fixed offset (default +0200, Italian summer time) instead of
 * following daylight saving: a guess documented in the README.
 */
export function formatStoredenDate(ms: number, offsetMinutes: number): string {
  const shifted = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000);
  const two = (value: number): string => String(value).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${shifted.getUTCFullYear()}-${two(shifted.getUTCMonth() + 1)}-${two(shifted.getUTCDate())}` +
    `T${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())}` +
    `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`
  );
}

/** Whole seconds: Storeden dates carry no fraction, so the sandbox stores none either. */
export function toWholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
