import { createHmac } from 'node:crypto';
import type { SandboxRequest } from '../../../types.js';
import { TEST_ORIGIN } from './context.js';

export const TEST_CLIENT_KEY = 'sandbox-metro-client-key';
export const TEST_CLIENT_SECRET = 'sandbox-metro-client-secret';

export interface RequestSpec {
  method: string;
  /** Path below `/metro`, e.g. `/openapi/v1/chats`. */
  path: string;
  /** Serialised in order; repeated keys allowed (`filters[statuses][]`). */
  query?: Array<[string, string]>;
  json?: unknown;
  body?: Buffer;
  headers?: Record<string, string>;
  nowMs: number;
  encoding?: 'base64' | 'hex';
  /** Sign something other than what is sent, to prove the check notices. */
  sign?: { method?: string; url?: string; body?: Buffer | string; timestamp?: string };
  timestamp?: string;
  secret?: string;
  clientKey?: string;
}

/**
 * Builds a SandboxRequest the way a Metro client would send it, with its own HMAC
 * (METHOD \n FULL_URI \n BODY \n TIMESTAMP) written here independently of auth.ts.
 */
export function signedRequest(spec: RequestSpec): SandboxRequest {
  const query = new URLSearchParams(spec.query ?? []);
  const queryText = query.toString();
  const rawPathAndQuery = queryText ? `${spec.path}?${queryText}` : spec.path;
  const fullUrl = `${TEST_ORIGIN}/metro${rawPathAndQuery}`;
  const rawBody =
    spec.body ?? (spec.json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(spec.json)));
  const timestamp = spec.timestamp ?? String(Math.floor(spec.nowMs / 1000));
  const signedBody = spec.sign?.body ?? rawBody;
  const stringToSign = Buffer.concat([
    Buffer.from(`${spec.sign?.method ?? spec.method}\n${spec.sign?.url ?? fullUrl}\n`),
    typeof signedBody === 'string' ? Buffer.from(signedBody) : signedBody,
    Buffer.from(`\n${spec.sign?.timestamp ?? timestamp}`),
  ]);
  const signature = createHmac('sha256', spec.secret ?? TEST_CLIENT_SECRET)
    .update(stringToSign)
    .digest(spec.encoding ?? 'base64');
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-client-id': spec.clientKey ?? TEST_CLIENT_KEY,
    'x-timestamp': timestamp,
    'x-signature': signature,
    ...(spec.json === undefined ? {} : { 'content-type': 'application/json' }),
  };
  for (const [name, value] of Object.entries(spec.headers ?? {})) headers[name.toLowerCase()] = value;
  return { method: spec.method, path: spec.path, rawPathAndQuery, fullUrl, query, headers, rawBody };
}

/** A multipart/form-data body with one file part named `file` (or another name). */
export function multipartBody(
  file: { name: string; type?: string; data: Buffer },
  field = 'file',
): { body: Buffer; contentType: string } {
  const boundary = '----sandboxTestBoundary7MA4YWxkTrZu0gW';
  const typeLine = file.type === undefined ? '' : `Content-Type: ${file.type}\r\n`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\n${typeLine}\r\n`;
  const body = Buffer.concat([Buffer.from(head), file.data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
