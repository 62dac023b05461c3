const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// IMF-fixdate / RFC 1123 ("Thu, 10 Jul 2018 00:42:42 GMT"), RFC 822 with a two-digit year or a
// numeric zone, and RFC 850 ("Thursday, 10-Jul-18 00:42:42 GMT"). Date.parse is not used: it
// accepts almost anything ("1" is the year 2001), and a bogus hint must be ignored, not obeyed.
const RFC_822 =
  /^(?:[a-z]+,\s*)?(\d{1,2})[\s-]([a-z]{3})[\s-](\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(gmt|ut|utc|z|[+-]\d{4})?$/i;

/** Epoch milliseconds of an HTTP / RFC 822 date, or undefined when `text` is not one. */
export function parseHttpDate(text: string): number | undefined {
  const m = RFC_822.exec(text.trim());
  if (!m) return undefined;
  const [, day, mon, yearText, hh, mm, ss, zone] = m;
  const month = MONTHS.indexOf(mon!.toLowerCase());
  if (month < 0) return undefined;
  let year = Number(yearText);
  // RFC 850 two-digit years: RFC 9110 says to read them as the most recent past century year.
  if (yearText!.length === 2) year += year < 70 ? 2000 : 1900;
  let offsetMinutes = 0;
  if (zone && /^[+-]/.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  }
  return utcMillis(year, month, Number(day), Number(hh), Number(mm), Number(ss ?? 0), 0, offsetMinutes);
}

/**
 * Epoch ms of a calendar time at a UTC offset, or undefined when a field is out of range
 * (31 February, hour 24): such dates are refused instead of rolled over.
 */
export function utcMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offsetMinutes: number,
): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  // 60 is a leap second; UTC clocks in JS cannot show it, so it is refused like 61.
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (Math.abs(offsetMinutes) > 18 * 60) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, ms);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) return undefined;
  const value = date.getTime() - offsetMinutes * 60_000;
  return Number.isFinite(value) ? value : undefined;
}
