import { describe, expect, it } from 'vitest';
import { MarketplaceError, ValidationError } from '../../errors/errors.js';
import { checkCursor, checkNextPage, nextPageProblem } from './next-page.js';

const BASE = 'https://connect.storeden.com/v1.1';

describe('nextPageProblem', () => {
  it('accepts the seed next_page on the documented base', () => {
    expect(
      nextPageProblem(
        'https://connect.storeden.com/v1.1/messages/chat.json?with_id=49077&page=2',
        BASE,
        '49077',
      ),
    ).toBe(undefined);
    expect(
      nextPageProblem(
        'http://127.0.0.1:4010/storeden/messages/chat.json?page=3&with_id=7',
        'http://127.0.0.1:4010/storeden/',
        '7',
      ),
    ).toBe(undefined);
  });

  it.each([
    [
      'https://evil.example/v1.1/messages/chat.json?with_id=49077&page=2',
      /points at https:\/\/evil\.example/,
    ],
    ['http://connect.storeden.com/v1.1/messages/chat.json?with_id=49077&page=2', /points at http:/],
    [
      'https://connect.storeden.com:8443/v1.1/messages/chat.json?with_id=49077&page=2',
      /connect\.storeden\.com:8443/,
    ],
    ['https://u:p@connect.storeden.com/v1.1/messages/chat.json?with_id=49077&page=2', /user info/],
    [
      'https://connect.storeden.com/v1.0/messages/chat.json?with_id=49077&page=2',
      /not \/v1\.1\/messages\/chat\.json/,
    ],
    ['https://connect.storeden.com/v1.1/messages/../orders.json?with_id=49077&page=2', /not \/v1\.1/],
    ['https://connect.storeden.com/v1.1/messages/chat.json?with_id=1&page=2', /another conversation/],
    ['https://connect.storeden.com/v1.1/messages/chat.json?with_id=49077', /no page number/],
    ['/v1.1/messages/chat.json?with_id=49077&page=2', /not an absolute URL/],
  ])('refuses %s', (url, reason) => {
    expect(nextPageProblem(url, BASE, '49077')).toMatch(reason);
  });

  it('throws a MarketplaceError for a response and a ValidationError for a cursor', () => {
    const foreign = 'https://evil.example/v1.1/messages/chat.json?with_id=1&page=2';
    expect(() => checkNextPage(foreign, BASE, '1')).toThrow(MarketplaceError);
    expect(() => checkNextPage(foreign, BASE, '1')).toThrow(/Storeden: listMessages: next_page points at/);
    expect(() => checkCursor(foreign, BASE, '1')).toThrow(ValidationError);
  });
});
