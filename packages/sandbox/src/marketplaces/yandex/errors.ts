import type { SandboxResponse } from '../../types.js';

/**
 * Yandex error codes per HTTP status. The status list is documented (concepts/error-codes);
 * the `code` strings are not, so these are our reading (see docs/fidelity-yandex.md).
 */
const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  420: 'HIT_RATE_LIMIT',
  423: 'LOCKED',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

const REASONS: Record<number, string> = { 420: 'Enhance Your Calm' };

/** Thrown by validation deep inside a handler; the module turns it into the error envelope. */
export class YandexHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = CODES[status] ?? 'INTERNAL_SERVER_ERROR',
  ) {
    super(message);
  }
}

export function errorResponse(status: number, message: string, code?: string): SandboxResponse {
  const response: SandboxResponse = {
    status,
    // The rendered docs show "OK" next to `errors` once; we send ERROR, the schema's other value.
    body: { status: 'ERROR', errors: [{ code: code ?? CODES[status] ?? 'INTERNAL_SERVER_ERROR', message }] },
  };
  const reason = REASONS[status];
  if (reason) response.statusText = reason;
  return response;
}

export function okResult(result: unknown): SandboxResponse {
  return { status: 200, body: { status: 'OK', result } };
}

export function okEmpty(): SandboxResponse {
  return { status: 200, body: { status: 'OK' } };
}
