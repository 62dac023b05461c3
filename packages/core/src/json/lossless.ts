import { isInteger, isSafeNumber, LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * Integers beyond 2^53 become exact decimal strings, because Ozon message ids (uint64) and
 * other marketplace ids would otherwise be rounded silently by `JSON.parse`. Every other number
 * stays a number: fractions (prices) accept ordinary float precision.
 */
function parseNumber(text: string): number | string {
  if (isInteger(text) && !isSafeNumber(text)) return text;
  return Number(text);
}

export class JsonParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JsonParseError';
  }
}

/** Parses JSON losslessly; throws a `JsonParseError` saying where the text stops being JSON. */
export function parseJson(text: string): unknown {
  try {
    // Last one wins, as with JSON.parse: a repeated key is not worth failing a whole response.
    return parse(text, null, { parseNumber, onDuplicateKey: ({ newValue }) => newValue });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JsonParseError(`Invalid JSON: ${reason}`, { cause: error });
  }
}

/**
 * A number written into JSON exactly as given, unquoted: for the rare request field that must be
 * a JSON number beyond 2^53 (ids are kept as strings everywhere else).
 */
export function jsonNumber(digits: string): LosslessNumber {
  return new LosslessNumber(digits);
}

/** JSON text of `value`; bigint and `jsonNumber(...)` values are written as exact numbers. */
export function stringifyJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined)
    throw new TypeError('stringifyJson: the value has no JSON form (undefined or a function)');
  return text;
}
