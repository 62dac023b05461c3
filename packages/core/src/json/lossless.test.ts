import { describe, expect, it } from 'vitest';
import { JsonParseError, jsonNumber, parseJson, stringifyJson } from './lossless.js';

describe('parseJson', () => {
  it('keeps integers beyond 2^53 as exact decimal strings', () => {
    const data = parseJson(
      '{"a":3000000000817031942,"b":18446744073709551615,"c":30000000001280042740,"d":[9007199254740993]}',
    );
    expect(data).toEqual({
      a: '3000000000817031942',
      b: '18446744073709551615',
      c: '30000000001280042740',
      d: ['9007199254740993'],
    });
  });

  it('keeps safe numbers, fractions and negatives as numbers', () => {
    expect(parseJson('{"n":9007199254740991,"f":12.5,"neg":-42,"e":1e3,"z":0}')).toEqual({
      n: 9007199254740991,
      f: 12.5,
      neg: -42,
      e: 1000,
      z: 0,
    });
    expect(parseJson('-18446744073709551615')).toBe('-18446744073709551615');
  });

  it('parses strings, booleans and null like JSON.parse', () => {
    expect(parseJson('{"s":"h\\u00e9\\n","t":true,"f":false,"x":null}')).toEqual({
      s: 'hé\n',
      t: true,
      f: false,
      x: null,
    });
  });

  it('takes the last value of a repeated key, as JSON.parse does', () => {
    expect(parseJson('{"a":1,"a":2}')).toEqual({ a: 2 });
  });

  it('throws a clear JsonParseError on malformed or truncated JSON', () => {
    expect(() => parseJson('{"a": 1')).toThrow(JsonParseError);
    expect(() => parseJson('{"a": 1')).toThrow(/^Invalid JSON: .*position 7/);
    expect(() => parseJson('<html>')).toThrow(/Invalid JSON/);
    expect(() => parseJson('')).toThrow(/Invalid JSON/);
  });
});

describe('stringifyJson', () => {
  it('round-trips big ids exactly (as strings)', () => {
    const text = '{"message_id":"3000000000817031942","limit":50}';
    expect(stringifyJson(parseJson(text))).toBe(text);
  });

  it('writes bigint and jsonNumber values as exact unquoted numbers', () => {
    expect(stringifyJson({ a: 18446744073709551615n, b: jsonNumber('30000000001280042740') })).toBe(
      '{"a":18446744073709551615,"b":30000000001280042740}',
    );
  });

  it('refuses values with no JSON form', () => {
    expect(() => stringifyJson(undefined)).toThrow(/no JSON form/);
  });
});
