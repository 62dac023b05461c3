import type { MarketplaceModule, SandboxResponse } from '../types.js';

/** gRPC status numbers, which Ozon's rpcStatus `code` most likely carries (a guess, see README). */
function grpcCode(status: number): number {
  if (status === 400 || status === 413) return 3;
  if (status === 401) return 16;
  if (status === 403) return 7;
  if (status === 404) return 5;
  if (status === 409) return 10;
  if (status === 429) return 8;
  if (status === 502 || status === 503) return 14;
  return 13;
}

function yandexCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    413: 'BAD_REQUEST',
    420: 'LIMIT_EXCEEDED',
    429: 'LIMIT_EXCEEDED',
  };
  return codes[status] ?? 'INTERNAL_ERROR';
}

/**
 * The error body a marketplace would send for a status the framework produces itself. The
 * module's own `errorResponse` wins; this table is the fallback, written from
 * shared/api/marketplaces.md (Yandex ApiErrorResponse, Ozon rpcStatus, Metro's guessed
 * `{status:"error"}`; Storeden and anything else get `{error:{code,message}}`).
 */
export function marketplaceError(
  module: MarketplaceModule | undefined,
  status: number,
  message: string,
): SandboxResponse {
  if (module?.errorResponse) {
    try {
      return module.errorResponse(status, message);
    } catch {
      // A broken errorResponse must not turn an error into a crash; fall through to the table.
    }
  }
  switch (module?.id) {
    case 'yandex':
      return { status, body: { status: 'ERROR', errors: [{ code: yandexCode(status), message }] } };
    case 'ozon':
      return { status, body: { code: grpcCode(status), message, details: [] } };
    case 'metro':
      return { status, body: { status: 'error', message } };
    default:
      return { status, body: { error: { code: status, message } } };
  }
}
