import { describe, expect, it } from 'vitest';
import { boundaryOf, MultipartError, parseMultipart } from './multipart.js';

const CRLF = '\r\n';

describe('multipart reader', () => {
  it('reads the boundary, quoted or not, only from multipart/form-data', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/json')).toBeUndefined();
  });

  it('splits fields and files and keeps binary bytes intact, CRLF inside the data included', () => {
    const binary = Buffer.from([0, 255, 13, 10, 45, 45, 1]);
    const body = Buffer.concat([
      Buffer.from(
        `preamble${CRLF}--XyZ${CRLF}Content-Disposition: form-data; name="note"${CRLF}${CRLF}hello${CRLF}`,
      ),
      Buffer.from(
        `--XyZ${CRLF}Content-Disposition: form-data; name="file"; filename="a \\"b\\".png"${CRLF}Content-Type: image/png${CRLF}${CRLF}`,
      ),
      binary,
      Buffer.from(`${CRLF}--XyZ--${CRLF}`),
    ]);
    const parts = parseMultipart(body, 'XyZ');
    expect(parts.map((p) => p.name)).toEqual(['note', 'file']);
    expect(parts[0]?.data.toString()).toBe('hello');
    expect(parts[1]?.filename).toBe('a "b".png');
    expect(parts[1]?.contentType).toBe('image/png');
    expect(parts[1]?.data.equals(binary)).toBe(true);
  });

  it('prefers the RFC 5987 filename* form', () => {
    const body = Buffer.from(
      `--B${CRLF}Content-Disposition: form-data; name="file"; filename="x.txt"; filename*=UTF-8''R%C3%BCckgabe.txt${CRLF}${CRLF}x${CRLF}--B--`,
    );
    expect(parseMultipart(body, 'B')[0]?.filename).toBe('Rückgabe.txt');
  });

  it('refuses a body without its boundary or without a closing boundary', () => {
    expect(() => parseMultipart(Buffer.from('nothing here'), 'B')).toThrow(MultipartError);
    const open = Buffer.from(`--B${CRLF}Content-Disposition: form-data; name="file"${CRLF}${CRLF}data`);
    expect(() => parseMultipart(open, 'B')).toThrow(/closing boundary/);
  });
});
