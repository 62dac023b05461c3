import { badInput } from './control-error.js';

/** Small readers for control API input: each refusal names the field and the rule. */
export function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badInput(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

export function readString(
  input: Record<string, unknown>,
  field: string,
  rule: { required: true; maxLength?: number; allowEmpty?: boolean },
): string;
export function readString(
  input: Record<string, unknown>,
  field: string,
  rule?: { required?: false; maxLength?: number; allowEmpty?: boolean },
): string | undefined;
export function readString(
  input: Record<string, unknown>,
  field: string,
  rule: { required?: boolean; maxLength?: number; allowEmpty?: boolean } = {},
): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) {
    if (rule.required) throw badInput(`${field} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw badInput(`${field} must be a string`);
  if (!rule.allowEmpty && value.length === 0) throw badInput(`${field} must not be empty`);
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    throw badInput(`${field} must be at most ${rule.maxLength} characters (got ${value.length})`);
  }
  return value;
}

export function readInteger(
  input: Record<string, unknown>,
  field: string,
  range: { min: number; max: number },
): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw badInput(`${field} must be an integer from ${range.min} to ${range.max}`);
  }
  return value;
}

export function readBoolean(input: Record<string, unknown>, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badInput(`${field} must be true or false`);
  return value;
}

export function rejectUnknownKeys(
  input: Record<string, unknown>,
  allowed: readonly string[],
  what: string,
): void {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key))
      throw badInput(`${what}: unknown field "${key}" (allowed: ${allowed.join(', ')})`);
  }
}
