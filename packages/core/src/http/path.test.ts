import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { assertId, path, pathFor } from './path.js';

const HOSTILE = [
  '1/../../admin',
  '..',
  '.',
  '../x',
  'a?b=c',
  'a#frag',
  'a/b',
  '%2e%2e',
  'a\\..\\b',
  '%2F',
  ' x y ',
];

describe('path', () => {
  it('encodes each interpolation', () => {
    expect(path`/v1/chats/${'abc 1'}/messages`).toBe('/v1/chats/abc%201/messages');
    expect(path`/a/${42}/b/${10n}`).toBe('/a/42/b/10');
  });

  it.each(HOSTILE.filter((id) => id !== '.' && id !== '..'))('keeps %j inside its segment', (id) => {
    const built = path`/v1/chats/${id}/messages`;
    const url = new URL(built, 'https://api.example.test/base/');
    const segments = url.pathname.split('/');
    expect(segments).toHaveLength(5);
    expect(segments.slice(0, 3)).toEqual(['', 'v1', 'chats']);
    expect(segments[4]).toBe('messages');
    expect(decodeURIComponent(segments[3]!)).toBe(id);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
  });

  it.each(['.', '..'])('refuses %j, which a URL parser would resolve', (id) => {
    expect(() => path`/v1/chats/${id}/messages`).toThrow(ValidationError);
    expect(() => path`/v1/chats/${id}`).toThrow(/would leave the endpoint/);
  });

  it('allows dots inside a segment', () => {
    expect(path`/v1/files/${'report..final.pdf'}`).toBe('/v1/files/report..final.pdf');
  });

  it('refuses empty values with a ValidationError naming the field and marketplace', () => {
    const ozonPath = pathFor('ozon');
    const chatId = '';
    try {
      ozonPath`/v1/chats/${{ chatId }}`;
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const e = error as ValidationError;
      expect(e.field).toBe('chatId');
      expect(e.marketplace).toBe('ozon');
      expect(e.message).toBe('Ozon: chatId is empty');
    }
    expect(() => path`/v1/chats/${'  '}`).toThrow('path parameter 1 is empty');
  });
});

describe('assertId', () => {
  it('returns good ids as strings', () => {
    expect(assertId('yandex', 'chatId', '123')).toBe('123');
    expect(assertId('yandex', 'chatId', 123)).toBe('123');
    expect(assertId('yandex', 'chatId', 18446744073709551615n)).toBe('18446744073709551615');
    expect(assertId('metro', 'chatId', 'x'.repeat(256))).toHaveLength(256);
  });

  it.each([
    ['', /Yandex Market: chatId is empty/],
    ['   ', /Yandex Market: chatId is empty/],
    ['\t', /Yandex Market: chatId is empty/],
    ['x'.repeat(257), /Yandex Market: chatId is 257 characters; the limit is 256 characters/],
    ['ab\ncd', /Yandex Market: chatId contains a control character/],
    ['ab\u0000', /control character/],
    ['ab\u007f', /control character/],
    [undefined, /Yandex Market: chatId is required \(got undefined\)/],
    [null, /required \(got null\)/],
    [{}, /required \(got object\)/],
    [2 ** 53 + 2, /not an exact integer id/],
    [1.5, /not an exact integer id/],
  ])('refuses %j', (value, message) => {
    try {
      assertId('yandex', 'chatId', value);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('chatId');
      expect((error as ValidationError).marketplace).toBe('yandex');
      expect((error as Error).message).toMatch(message);
    }
  });
});
