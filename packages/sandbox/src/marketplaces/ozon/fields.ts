import { badRequest } from './errors.js';

/** Request field readers: each error names the field and the rule, as Ozon's 400s should. */

export function requiredString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '')
    throw badRequest(`${name} is required and must be a non-empty string`);
  return value;
}

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`);
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${name} must be true or false`);
  return value;
}

export function optionalObject(body: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = body[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${name} must be an object`);
  return value as Record<string, unknown>;
}

/**
 * A uint64 message id sent as a number, a big number or a decimal string (protojson accepts
 * both), compared as bigint so ids above 2^53 keep every digit.
 */
export function messageId(value: unknown, name: string): bigint {
  if (typeof value === 'bigint' && value >= 0n) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  throw badRequest(`${name} must be an unsigned integer message id (a number or a decimal string)`);
}

export function optionalMessageId(body: Record<string, unknown>, name: string): bigint | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  return messageId(value, name);
}

/**
 * An int64 limit. 0 and absent both mean "not set" in proto3, so they take the default unless
 * the field is required.
 */
export function limit(body: Record<string, unknown>, options: { max: number; fallback?: number }): number {
  const raw = body.limit;
  const value =
    typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : typeof raw === 'bigint' ? Number(raw) : raw;
  if (value === undefined || value === null || value === 0) {
    if (options.fallback !== undefined) return options.fallback;
    throw badRequest(`limit is required: an integer from 1 to ${options.max}`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > options.max) {
    throw badRequest(`limit must be an integer from 1 to ${options.max}, got ${String(raw)}`);
  }
  return value;
}
