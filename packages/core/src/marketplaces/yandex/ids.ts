import { ValidationError } from '../../errors/errors.js';
import { assertId } from '../../http/path.js';

/**
 * Yandex ids (businessId, chatId, messageId, order and return ids) are int64 ≥ 1: anything else
 * is refused before a request is made, so a crafted id can never reach a query or a path.
 */
export function yandexId(field: string, value: unknown): string {
  const id = assertId('yandex', field, value).trim();
  if (!/^[1-9]\d{0,18}$/.test(id) || BigInt(id) > 9_223_372_036_854_775_807n) {
    throw new ValidationError(
      `Yandex Market: ${field} must be a positive integer id, got ${JSON.stringify(id).slice(0, 40)}`,
      {
        marketplace: 'yandex',
        field,
        limit: 'digits, 1 to 2^63-1',
      },
    );
  }
  return id;
}
