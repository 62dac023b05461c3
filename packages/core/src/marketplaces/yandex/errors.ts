import { AuthError, PermissionError } from '../../errors/errors.js';
import { extractMarketplaceError } from '../../http/error-mapping.js';
import type { MapError } from '../../http/options.js';

/** Operations that need a write scope (`communication` or `all-methods`). */
const WRITE_OPERATIONS = new Set(['sendText', 'sendFile', 'startChat']);

/**
 * Yandex answers 403 both for a key it does not accept ("bad or expired token") and for a key
 * that may not do this ("no access"). Only the message tells them apart; a user needs to know
 * which, because one is fixed by a new key and the other by a scope or a cabinet setting.
 */
const BAD_KEY = /\b(invalid|revoked|expired|unknown|not valid)\b/i;

/**
 * Yandex errors are `{status:"ERROR", errors:[{code, message}]}`. A 403 on a write is most often
 * a key with a read-only scope: the error keeps Yandex's own code and message and says so.
 * Everything else (401 auth, 404, 400, 420 rate limit with its wait hint, 5xx) takes the
 * pipeline's mapping by status, which reads the same body.
 */
export const yandexMapError: MapError = (response) => {
  if (response.status !== 403) return undefined;
  const info = extractMarketplaceError(response.data, response.text);
  const operation = response.spec.operation;
  if (info.message && BAD_KEY.test(info.message)) {
    return new AuthError(`Yandex Market ${operation}: the Api-Key was refused (HTTP 403): ${info.message}`, {
      marketplace: 'yandex',
      operation,
      status: 403,
      code: info.code,
      marketplaceMessage: info.message,
    });
  }
  const tag = `HTTP 403${info.code ? `, code ${info.code}` : ''}`;
  const hint = WRITE_OPERATIONS.has(operation)
    ? '; writing needs an Api-Key with the "communication" or "all-methods" scope (not read-only)'
    : '';
  return new PermissionError(
    `Yandex Market ${operation}: access denied (${tag})${info.message ? `: ${info.message}` : ''}${hint}`,
    { marketplace: 'yandex', operation, status: 403, code: info.code, marketplaceMessage: info.message },
  );
};
