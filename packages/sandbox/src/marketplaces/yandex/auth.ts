import { TOKENS, type YandexToken } from './credentials.js';
import { YandexHttpError } from './errors.js';
import { type Operation, WRITE_OPERATIONS } from './operations.js';

/**
 * The token from `Api-Key`, or from the deprecated `Authorization` header. The OAuth header's
 * exact form is not documented, so `OAuth <t>`, `Bearer <t>` and a bare token are all read.
 */
function presentedToken(headers: Record<string, string>): string | undefined {
  const apiKey = headers['api-key']?.trim();
  if (apiKey) return apiKey;
  const authorization = headers.authorization?.trim();
  if (!authorization) return undefined;
  const match = /^(?:OAuth|Bearer)\s+(.+)$/i.exec(authorization);
  return (match?.[1] ?? authorization).trim() || undefined;
}

/**
 * 401 without a token, 403 for an unknown token, a token of another cabinet, or a read-only
 * token on a write method (the error-codes page: 403 = bad token or no access).
 */
export function authorize(
  headers: Record<string, string>,
  businessId: number,
  operation: Operation,
): YandexToken {
  const token = presentedToken(headers);
  if (!token) {
    throw new YandexHttpError(401, 'No authorization token: send it in the Api-Key header');
  }
  const known = TOKENS.find((candidate) => candidate.token === token);
  if (!known) {
    throw new YandexHttpError(403, 'The authorization token is invalid or has been revoked');
  }
  if (known.businessId !== businessId) {
    throw new YandexHttpError(403, `Access denied: the token does not belong to businessId ${businessId}`);
  }
  if (known.scope === 'all-methods:read-only' && WRITE_OPERATIONS.has(operation)) {
    throw new YandexHttpError(
      403,
      `Access denied: ${operation} needs the communication or all-methods scope; the token is read-only`,
    );
  }
  return known;
}
