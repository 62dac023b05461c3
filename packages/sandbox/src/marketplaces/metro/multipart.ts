/**
 * A small multipart/form-data reader (RFC 7578) for the upload endpoint: the boundary comes
 * from the Content-Type, parts are split on CRLF--boundary, bodies stay binary.
 */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

export function boundaryOf(contentType: string): string | undefined {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  let cursor = body.indexOf(delimiter);
  if (cursor === -1) throw new MultipartError('multipart body does not contain its boundary');
  cursor += delimiter.length;
  const parts: FormPart[] = [];
  for (;;) {
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts;
    if (!body.subarray(cursor, cursor + 2).equals(CRLF)) {
      throw new MultipartError('multipart boundary is not followed by CRLF');
    }
    const headersStart = cursor + 2;
    const headersEnd = body.indexOf(HEADER_END, headersStart);
    if (headersEnd === -1) throw new MultipartError('multipart part has no end of headers');
    const dataStart = headersEnd + HEADER_END.length;
    const dataEnd = body.indexOf(nextDelimiter, dataStart);
    if (dataEnd === -1) throw new MultipartError('multipart body has no closing boundary');
    parts.push(
      part(body.subarray(headersStart, headersEnd).toString('utf8'), body.subarray(dataStart, dataEnd)),
    );
    cursor = dataEnd + nextDelimiter.length;
  }
}

function part(headerText: string, data: Buffer): FormPart {
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition');
  if (!disposition || !/^form-data\b/i.test(disposition)) {
    throw new MultipartError('multipart part lacks Content-Disposition: form-data');
  }
  const params = dispositionParams(disposition);
  const name = params.get('name');
  if (name === undefined) throw new MultipartError('multipart part has no name');
  const filename = params.get('filename*') ?? params.get('filename');
  const result: FormPart = { name, data: Buffer.from(data) };
  if (filename !== undefined) result.filename = filename;
  const contentType = headers.get('content-type');
  if (contentType !== undefined) result.contentType = contentType;
  return result;
}

function dispositionParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(value); m !== null; m = re.exec(value)) {
    const key = (m[1] ?? '').toLowerCase();
    const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim();
    params.set(key, key.endsWith('*') ? decodeExtended(raw) : raw);
  }
  return params;
}

/** RFC 5987 `UTF-8''Test%20Document.pdf`. */
function decodeExtended(value: string): string {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return value;
  try {
    return decodeURIComponent(match[2] ?? '');
  } catch {
    return match[2] ?? '';
  }
}
