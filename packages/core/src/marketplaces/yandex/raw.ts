import { MarketplaceError } from '../../errors/errors.js';

/** Readers for Yandex response fields: a broken documented shape is a MarketplaceError naming the field. */
export function objectOf(value: unknown, field: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  throw new MarketplaceError(`Yandex Market: ${field} is not an object`, { marketplace: 'yandex' });
}

export function arrayOf(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new MarketplaceError(`Yandex Market: ${field} is not an array`, { marketplace: 'yandex' });
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Ids arrive as JSON numbers (exact decimal strings beyond 2^53 after the lossless parse) or strings. */
export function idOf(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value;
  throw new MarketplaceError(`Yandex Market: ${field} is ${value === undefined ? 'missing' : 'not an id'}`, {
    marketplace: 'yandex',
  });
}
