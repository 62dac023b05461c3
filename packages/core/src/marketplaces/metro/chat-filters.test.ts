import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import { metroChatsQuery, metroTime, parseOffset } from './chat-filters.js';

describe('metroChatsQuery', () => {
  it('writes every common option in Metro bracket syntax, then the extras', () => {
    expect(
      metroChatsQuery({
        chatId: 'c-1',
        orderId: 'o-1',
        unreadOnly: true,
        statuses: ['waiting_for_seller', 'new'],
        lastMessageFrom: '2025-09-02T19:41:12.345Z',
        limit: 15,
        cursor: '21',
        extra: { 'filters[destinations][]': ['de', 'fr'], 'filters[orderNumber]': 'O25-1' },
      }),
    ).toEqual([
      ['filters[chatId]', 'c-1'],
      ['filters[orderId]', 'o-1'],
      ['filters[isSeen]', 0],
      ['filters[statuses][]', ['WAITING_FOR_SELLER', 'OVER_SLA', 'DRAFT']],
      ['filters[lastMessage][from]', '2025-09-02T19:41:12+00:00'],
      ['limit', 15],
      ['offset', 21],
      ['filters[destinations][]', ['de', 'fr']],
      ['filters[orderNumber]', 'O25-1'],
    ]);
  });

  it('defaults to limit 20 offset 0 and clamps the limit to 100', () => {
    expect(metroChatsQuery({})).toEqual([
      ['limit', 20],
      ['offset', 0],
    ]);
    expect(metroChatsQuery({ limit: 1000 })).toContainEqual(['limit', 100]);
  });

  it('refuses what Metro cannot filter by, naming the field and the limit', () => {
    const cases: Array<[Parameters<typeof metroChatsQuery>[0], string, RegExp]> = [
      [{ statuses: ['closed'] }, 'statuses', /Metro Markets: statuses has "closed"/],
      [{ limit: 0 }, 'limit', /limit must be a whole number/],
      [{ cursor: 'abc' }, 'cursor', /cursor is not a Metro page cursor/],
      [{ lastMessageFrom: 'yesterday' }, 'lastMessageFrom', /lastMessageFrom is not a date/],
      [{ orderId: '' }, 'orderId', /orderId is empty/],
      [{ extra: { 'filters[x]': { nested: true } } }, 'extra.filters[x]', /must be a string/],
    ];
    for (const [options, field, message] of cases) {
      const error = (() => {
        try {
          metroChatsQuery(options);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
      expect((error as ValidationError).marketplace).toBe('metro');
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe('metroTime and parseOffset', () => {
  it('writes RFC 3339 with +00:00, rounding down to the second', () => {
    expect(metroTime('2025-09-02T21:41:12.999+02:00', 'from')).toBe('2025-09-02T19:41:12+00:00');
  });
  it('reads offsets as non-negative integers only', () => {
    expect(parseOffset(undefined)).toBe(0);
    expect(parseOffset('40')).toBe(40);
    expect(() => parseOffset('-1')).toThrow(ValidationError);
  });
});
