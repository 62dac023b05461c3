import { createHmac } from 'node:crypto';
import type { Authenticate } from '../../http/options.js';
import type { TransportRequest } from '../../http/transport.js';
import type { MetroSignatureEncoding } from './credentials.js';

/**
 * Metro's string to sign: method, full URL, body and timestamp joined with "\n". The URL is the
 * one the transport sends (query included) and the body the exact text, so a re-serialisation
 * anywhere after signing would break the signature.
 */
export function metroStringToSign(method: string, url: string, body: string, timestamp: string): string {
  return `${method.toUpperCase()}\n${url}\n${body}\n${timestamp}`;
}

export function metroSignature(
  secret: string,
  stringToSign: string,
  encoding: MetroSignatureEncoding,
): string {
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest(encoding);
}

/**
 * The body as Metro signs it. Multipart uploads are signed over an empty body: Metro's docs do
 * not cover them and the only known client does so (a GUESS, see docs/marketplaces/metro.md).
 */
export function signedBody(request: TransportRequest): string {
  return request.body?.type === 'text' ? request.body.text : '';
}

/** Signs every attempt anew, so a retried request carries a fresh timestamp. */
export function createMetroAuthenticate(credentials: {
  clientKey: string;
  clientSecret: string;
  signatureEncoding: MetroSignatureEncoding;
}): Authenticate {
  return (request, runtime) => {
    const timestamp = String(Math.floor(runtime.clock.now() / 1000));
    const toSign = metroStringToSign(request.method, request.url, signedBody(request), timestamp);
    return {
      ...request,
      headers: {
        ...request.headers,
        Accept: 'application/json',
        'X-Client-Id': credentials.clientKey,
        'X-Timestamp': timestamp,
        'X-Signature': metroSignature(credentials.clientSecret, toSign, credentials.signatureEncoding),
      },
    };
  };
}
