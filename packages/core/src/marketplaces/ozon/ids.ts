import { ValidationError } from '../../errors/errors.js';
import { assertId } from '../../http/path.js';

/** Ozon chat ids are opaque strings (UUID-like); only the generic id checks apply. */
export function ozonChatId(field: string, value: unknown): string {
  return assertId('ozon', field, value);
}

/**
 * Ozon message ids are uint64 in the schema but beyond 2^64-1 in the examples: any run of
 * decimal digits is accepted and kept as a string, never a number.
 */
export function ozonMessageId(field: string, value: unknown): string {
  const id = assertId('ozon', field, value).trim();
  if (!/^\d+$/.test(id)) {
    throw new ValidationError(
      `Ozon: ${field} must be a message id of decimal digits, got ${JSON.stringify(id).slice(0, 40)}`,
      {
        marketplace: 'ozon',
        field,
        limit: 'decimal digits',
      },
    );
  }
  return id;
}
