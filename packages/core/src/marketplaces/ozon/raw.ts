import { MarketplaceError } from '../../errors/errors.js';

/** Readers for Ozon response fields: a broken documented shape is a MarketplaceError naming the field. */
export function objectOf(value: unknown, field: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  throw new MarketplaceError(`Ozon: ${field} is not an object`, { marketplace: 'ozon' });
}

export function arrayOf(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new MarketplaceError(`Ozon: ${field} is not an array`, { marketplace: 'ozon' });
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Ozon uint64 ids arrive as JSON strings (grpc-gateway), sometimes beyond 2^64-1 in the docs'
 * examples, or as numbers (exact decimal strings after the lossless parse): all become opaque
 * decimal strings, never numbers.
 */
export function idOf(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value;
  throw new MarketplaceError(`Ozon: ${field} is ${value === undefined ? 'missing' : 'not an id'}`, {
    marketplace: 'ozon',
  });
}

export function optionalIdOf(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return idOf(value, field);
}

/** grpc-gateway writes bools as JSON booleans, but the docs' example has `"has_next": "true"`. */
export function boolOf(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** int64 counters may come as numbers or strings (grpc-gateway writes int64 as strings). */
export function countOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
