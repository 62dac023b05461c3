import { describe, expect, it } from 'vitest';
import { MarketplaceError } from '../errors/errors.js';
import { parseTime, requireIsoUtc, toIsoUtc } from './iso.js';

describe('toIsoUtc', () => {
  it.each([
    ['2017-11-21T00:00:00+03:00', '2017-11-20T21:00:00.000Z'],
    ['2018-10-11T10:26:18+0200', '2018-10-11T08:26:18.000Z'],
    ['2025-09-02T19:41:12+00:00', '2025-09-02T19:41:12.000Z'],
    ['2017-11-21T00:00:00.213Z', '2017-11-21T00:00:00.213Z'],
    ['2017-11-21T00:00:00.2Z', '2017-11-21T00:00:00.200Z'],
    ['2023-05-01T10:00:00.123456789Z', '2023-05-01T10:00:00.123Z'],
    ['2023-05-01T10:00:00.999999Z', '2023-05-01T10:00:00.999Z'],
    ['2023-05-01T10:00:00', '2023-05-01T10:00:00.000Z'],
    ['2023-05-01 10:00:00-05:30', '2023-05-01T15:30:00.000Z'],
    ['2023-05-01T10:00+01', '2023-05-01T09:00:00.000Z'],
    ['2023-05-01', '2023-05-01T00:00:00.000Z'],
    ['2024-02-29T23:59:59-01:00', '2024-03-01T00:59:59.000Z'],
    ['Thu, 10 Jul 2018 00:42:42 GMT', '2018-07-10T00:42:42.000Z'],
    ['  2025-09-02T19:41:12+00:00 ', '2025-09-02T19:41:12.000Z'],
  ])('%s -> %s', (input, expected) => {
    expect(toIsoUtc(input)).toBe(expected);
  });

  it('reads epoch seconds and milliseconds, as numbers and as digit strings', () => {
    expect(toIsoUtc(1_700_000_000)).toBe('2023-11-14T22:13:20.000Z');
    expect(toIsoUtc(1_700_000_000_123)).toBe('2023-11-14T22:13:20.123Z');
    expect(toIsoUtc('1700000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(toIsoUtc(1_700_000_000.5)).toBe('2023-11-14T22:13:20.500Z');
    expect(toIsoUtc(new Date(Date.UTC(2020, 0, 2)))).toBe('2020-01-02T00:00:00.000Z');
  });

  it('gives undefined for absent input (Storeden "" means not read yet)', () => {
    expect(toIsoUtc(undefined)).toBeUndefined();
    expect(toIsoUtc(null)).toBeUndefined();
    expect(toIsoUtc('')).toBeUndefined();
    expect(toIsoUtc('   ')).toBeUndefined();
  });

  it.each([
    'yesterday',
    '2017-13-01T00:00:00Z',
    '2017-02-30T00:00:00Z',
    '2017-11-21T24:00:00Z',
    '2017-11-21T00:60:00Z',
    '2017-11-21T00:00:00+0',
    '2017-11-21T00:00:00+123',
    '2017-11-21T00:00:00+25:00',
    '31 Feb 2018 00:00:00 GMT',
    'Thu, 10 Foo 2018 00:42:42 GMT',
  ])('refuses %j', (input) => {
    expect(toIsoUtc(input)).toBeUndefined();
  });

  it('refuses negative, infinite and invalid numbers and dates', () => {
    expect(toIsoUtc(-1)).toBeUndefined();
    expect(toIsoUtc(Number.NaN)).toBeUndefined();
    expect(toIsoUtc(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(toIsoUtc(new Date('nonsense'))).toBeUndefined();
    expect(toIsoUtc(9e15)).toBeUndefined();
  });

  it('keeps years below 100 as written', () => {
    expect(parseTime('0099-01-01T00:00:00Z')).toBe(-59_042_995_200_000);
    expect(toIsoUtc('0099-01-01T00:00:00Z')).toBe('0099-01-01T00:00:00.000Z');
  });
});

describe('requireIsoUtc', () => {
  it('returns the ISO time', () => {
    expect(requireIsoUtc('2018-10-11T10:26:18+0200', 'storeden', 'send_date')).toBe(
      '2018-10-11T08:26:18.000Z',
    );
  });

  it('throws a MarketplaceError naming marketplace and field', () => {
    expect(() => requireIsoUtc('garbage', 'ozon', 'created_at')).toThrow(MarketplaceError);
    expect(() => requireIsoUtc('garbage', 'ozon', 'created_at')).toThrow(
      'Ozon: created_at is "garbage", not a date',
    );
    expect(() => requireIsoUtc(undefined, 'metro', 'createdAt')).toThrow(
      'Metro Markets: createdAt is missing',
    );
  });
});
