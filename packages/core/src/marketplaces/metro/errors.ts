import { AuthError, ValidationError } from '../../errors/errors.js';
import { extractMarketplaceError } from '../../http/error-mapping.js';
import type { MapError } from '../../http/options.js';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Metro's error envelope is undocumented; `{status:"error", message, errors?:{field:[...]}}`
 * mirrors its success shape (a GUESS). The message is read from it where present; auth failures
 * get the reasons that cause them on Metro, and field errors name the field.
 */
export const mapMetroError: MapError = ({ status, data, text, spec }) => {
  const info = extractMarketplaceError(data, text);
  const details = {
    marketplace: 'metro' as const,
    operation: spec.operation,
    status,
    marketplaceMessage: info.message,
  };
  const tail = info.message ? `: ${info.message}` : '';
  if (status === 401) {
    return new AuthError(
      `Metro Markets ${spec.operation}: authentication failed (HTTP 401)${tail}. Check the client key and secret, that they belong to this environment, the signature encoding, and that this computer's clock is within 5 minutes of the right time`,
      details,
    );
  }
  const fields = record(record(data)?.errors);
  const field = fields ? Object.keys(fields)[0] : undefined;
  if ((status === 400 || status === 422) && field !== undefined) {
    return new ValidationError(
      `Metro Markets ${spec.operation}: Metro refused ${field} (HTTP ${status})${tail}`,
      {
        ...details,
        field,
      },
    );
  }
  return undefined;
};
