import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxRequest } from '../../types.js';
import { MetroError } from './envelope.js';

export interface MetroCredentials {
  clientKey: string;
  clientSecret: string;
}

/** Which signature encodings pass: the prose of M-AUTH says base64, its PHP sample yields hex. */
export type SignatureEncoding = 'any' | 'base64' | 'hex';
/** Which body a multipart upload may be signed over: undocumented; a third-party client signs ''. */
export type UploadBodySigning = 'any' | 'empty' | 'raw';

export interface AuthOptions {
  credentials: MetroCredentials;
  nowMs: number;
  toleranceSeconds: number;
  encoding: SignatureEncoding;
  uploadBody: UploadBodySigning;
}

/**
 * Checks the HMAC headers of M-AUTH: signature over METHOD \n FULL_URI \n BODY \n TIMESTAMP,
 * keyed with the client secret. Throws a 401 MetroError; never echoes the secret or the
 * expected signature, so a failing client learns which header is wrong but nothing to forge with.
 */
export function verifyRequest(req: SandboxRequest, options: AuthOptions): void {
  const clientId = req.headers['x-client-id'];
  const timestamp = req.headers['x-timestamp'];
  const signature = req.headers['x-signature'];
  const missing = [
    ['X-Client-Id', clientId],
    ['X-Timestamp', timestamp],
    ['X-Signature', signature],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) throw unauthorized(`missing header ${missing.join(', ')}`);
  if (clientId !== options.credentials.clientKey) throw unauthorized('unknown X-Client-Id');

  const ts = timestamp as string;
  if (!/^\d{1,12}$/.test(ts)) throw unauthorized('X-Timestamp must be a unix time in whole seconds');
  const skewSeconds = Math.abs(options.nowMs / 1000 - Number(ts));
  if (skewSeconds > options.toleranceSeconds) {
    throw unauthorized(
      `X-Timestamp is ${Math.round(skewSeconds)} s away from server time (allowed: ${options.toleranceSeconds} s)`,
    );
  }

  const bodies = signedBodies(req, options.uploadBody);
  const ok = bodies.some((body) =>
    signatureMatches(signature as string, digest(req, body, ts, options.credentials.clientSecret), options),
  );
  if (!ok) throw unauthorized('X-Signature does not match the request (method, full URI, body, timestamp)');
}

function unauthorized(reason: string): MetroError {
  return new MetroError(401, `Metro Markets authentication failed: ${reason}`);
}

function signedBodies(req: SandboxRequest, mode: UploadBodySigning): Buffer[] {
  const isMultipart = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
  if (!isMultipart) return [req.rawBody];
  const empty = Buffer.alloc(0);
  if (mode === 'empty') return [empty];
  if (mode === 'raw') return [req.rawBody];
  return [empty, req.rawBody];
}

function digest(req: SandboxRequest, body: Buffer, timestamp: string, secret: string): Buffer {
  // Bytes, not a decoded string: a multipart body may hold binary file data.
  return createHmac('sha256', secret)
    .update(`${req.method.toUpperCase()}\n${req.fullUrl}\n`)
    .update(body)
    .update(`\n${timestamp}`)
    .digest();
}

function signatureMatches(given: string, expected: Buffer, options: AuthOptions): boolean {
  const candidates: string[] = [];
  if (options.encoding !== 'hex') candidates.push(expected.toString('base64'));
  if (options.encoding !== 'base64') candidates.push(expected.toString('hex'));
  const givenBytes = Buffer.from(given);
  return candidates.some((candidate) => {
    const bytes = Buffer.from(candidate);
    return bytes.length === givenBytes.length && timingSafeEqual(bytes, givenBytes);
  });
}
