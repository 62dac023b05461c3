import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED, redact, sensitiveHeaderValues } from './redact.js';

const KEY = 'ACMA:canary-key/0001+x y';

describe('redact', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact(`key ${KEY} and again ${KEY}`, [KEY])).toBe(`key ${REDACTED} and again ${REDACTED}`);
  });

  it('replaces URL-encoded, form-encoded and JSON-escaped echoes', () => {
    const quoted = 'se"cr\\et-value';
    const r = createRedactor([KEY, quoted]);
    expect(r.redact(`?key=${encodeURIComponent(KEY)}`)).toBe(`?key=${REDACTED}`);
    expect(r.redact(new URLSearchParams({ key: KEY }).toString())).toBe(`key=${REDACTED}`);
    expect(r.redact(JSON.stringify({ echoed: quoted }))).toBe(`{"echoed":"${REDACTED}"}`);
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    expect(redact('abcdefgh', ['abcd', 'abcdefgh'])).toBe(REDACTED);
  });

  it('ignores absent and too-short values instead of mangling text', () => {
    expect(redact('id 123 ok', ['123', '', undefined, null])).toBe('id 123 ok');
  });

  it('redacts strings deep inside values without touching the original', () => {
    const body = { errors: [{ code: 'AUTH', message: `bad key ${KEY}` }], n: 5 };
    const copy = createRedactor([KEY]).redactValue(body);
    expect(copy).toEqual({ errors: [{ code: 'AUTH', message: `bad key ${REDACTED}` }], n: 5 });
    expect(body.errors[0]?.message).toContain(KEY);
  });

  it('adds per-request values with `with` and keeps the base secrets', () => {
    const r = createRedactor([KEY]).with(['sig-0123456789']);
    expect(r.redact(`${KEY} sig-0123456789`)).toBe(`${REDACTED} ${REDACTED}`);
  });
});

describe('sensitiveHeaderValues', () => {
  it('picks credential headers in any case, and the token of an Authorization header', () => {
    expect(
      sensitiveHeaderValues({
        'Api-Key': 'k1',
        'Client-Id': '12345',
        'X-Signature': 'sig',
        key: 'storeden-key',
        exchange: 'storeden-exchange',
        Authorization: 'Bearer tok',
        Accept: 'application/json',
      }),
    ).toEqual(['k1', 'sig', 'storeden-key', 'storeden-exchange', 'Bearer tok', 'tok']);
  });
});
