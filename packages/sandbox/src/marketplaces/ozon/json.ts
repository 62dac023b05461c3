import { OzonHttpError } from './errors.js';

interface ReviverContext {
  source?: string;
}

/**
 * JSON.parse that keeps integers beyond 2^53 exact: Ozon message ids (uint64) arrive as numbers
 * in the docs' request examples, and a plain parse would round 3000000000817031942 silently.
 * Such numbers come back as bigint; everything else as JSON.parse gives it.
 */
export function parseLossless(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown, context?: ReviverContext) => {
    if (
      typeof value === 'number' &&
      !Number.isSafeInteger(value) &&
      context?.source &&
      /^-?\d+$/.test(context.source)
    ) {
      return BigInt(context.source);
    }
    return value;
  });
}

/** The request body as an object: empty means {} (as grpc-gateway reads it); anything else must be JSON. */
export function jsonObject(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = parseLossless(text);
  } catch (error) {
    throw new OzonHttpError(400, `Invalid request body: not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new OzonHttpError(400, 'Invalid request body: a JSON object is expected');
  }
  return parsed as Record<string, unknown>;
}
