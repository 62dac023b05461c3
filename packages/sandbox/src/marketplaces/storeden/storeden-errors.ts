import type { SandboxResponse } from '../../types.js';

/**
 * Storeden documents no error body (the SDKs only json_decode it). The sandbox answers
 * `{"error": {"code": <HTTP status>, "message": "..."}}`: a guess, written down in the README.
 */
export function storedenError(status: number, message: string, statusText?: string): SandboxResponse {
  return {
    status,
    ...(statusText !== undefined ? { statusText } : {}),
    body: { error: { code: status, message } },
  };
}
