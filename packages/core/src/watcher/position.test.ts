import { describe, expect, it } from 'vitest';
import { comparePositions, maxPosition, normalizeTime, shiftTime, startOfSecond } from './position.js';

describe('positions', () => {
  it('compares Ozon ids as exact decimals, beyond 2^64 too', () => {
    expect(comparePositions('id', '30000000001280042740', '3000000000817031942')).toBeGreaterThan(0);
    expect(comparePositions('id', '3000000000817031942', '3000000000817031943')).toBeLessThan(0);
    expect(comparePositions('id', '0042', '42')).toBe(0);
    expect(maxPosition('id', '9', '10')).toBe('10');
  });

  it('compares times by instant, whatever the offset they are written with', () => {
    expect(comparePositions('time', '2025-01-01T03:00:00+03:00', '2025-01-01T00:00:00Z')).toBe(0);
    expect(comparePositions('time', '2018-10-11T10:26:18+0200', '2018-10-11T08:26:19Z')).toBeLessThan(0);
    expect(normalizeTime('2025-01-01T03:00:00+03:00')).toBe('2025-01-01T00:00:00.000Z');
    expect(normalizeTime('yesterday')).toBeUndefined();
    expect(shiftTime('2025-01-01T00:00:00.000Z', -1500)).toBe('2024-12-31T23:59:58.500Z');
  });

  it('takes a time back to the start of its second, offsets included', () => {
    expect(startOfSecond('2026-03-02T09:01:01.234Z')).toBe('2026-03-02T09:01:01.000Z');
    expect(startOfSecond('2026-03-02T12:01:01.999+03:00')).toBe('2026-03-02T09:01:01.000Z');
    expect(startOfSecond('2026-03-02T09:01:01Z')).toBe('2026-03-02T09:01:01.000Z');
    expect(startOfSecond('soon')).toBeUndefined();
  });
});
