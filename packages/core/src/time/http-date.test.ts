import { describe, expect, it } from 'vitest';
import { parseHttpDate, utcMillis } from './http-date.js';

describe('parseHttpDate', () => {
  it('reads IMF-fixdate, RFC 822 numeric zones and RFC 850', () => {
    expect(parseHttpDate('Thu, 10 Jul 2018 00:42:42 GMT')).toBe(Date.UTC(2018, 6, 10, 0, 42, 42));
    expect(parseHttpDate('10 Jul 2018 02:42:42 +0200')).toBe(Date.UTC(2018, 6, 10, 0, 42, 42));
    expect(parseHttpDate('Tuesday, 10-Jul-18 00:42:42 GMT')).toBe(Date.UTC(2018, 6, 10, 0, 42, 42));
    expect(parseHttpDate('Wed, 1 Jan 97 00:00 GMT')).toBe(Date.UTC(1997, 0, 1));
  });

  it('refuses what is not an HTTP date', () => {
    for (const text of ['1', '120', 'soon', '2018-07-10T00:42:42Z', 'Thu, 32 Jul 2018 00:42:42 GMT', '']) {
      expect(parseHttpDate(text)).toBeUndefined();
    }
  });
});

describe('utcMillis', () => {
  it('applies the offset and refuses rolled-over fields', () => {
    expect(utcMillis(2020, 0, 1, 3, 0, 0, 0, 180)).toBe(Date.UTC(2020, 0, 1));
    expect(utcMillis(2021, 1, 29, 0, 0, 0, 0, 0)).toBeUndefined();
    expect(utcMillis(2021, 0, 1, 0, 0, 60, 0, 0)).toBeUndefined();
  });
});
