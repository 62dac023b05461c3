import { describe, expect, it } from 'vitest';
import { jsonObject, parseLossless } from './json.js';

describe('Ozon lossless JSON', () => {
  it('keeps integers above 2^53 exact as bigint and leaves small numbers alone', () => {
    const parsed = parseLossless('{"from_message_id": 3000000000817031942, "limit": 5, "x": 1.5}') as Record<
      string,
      unknown
    >;
    expect(parsed.from_message_id).toBe(3000000000817031942n);
    expect(parsed.limit).toBe(5);
    expect(parsed.x).toBe(1.5);
  });

  it('reads an empty body as {} and refuses non-objects with 400', () => {
    expect(jsonObject(Buffer.from(''))).toEqual({});
    expect(() => jsonObject(Buffer.from('[1]'))).toThrow(/JSON object/);
    expect(() => jsonObject(Buffer.from('chat_id=1'))).toThrow(/not JSON/);
  });
});
