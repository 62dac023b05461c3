import type { SandboxRequest } from '../../types.js';
import { MetroError } from './envelope.js';

/** The JSON object of a POST; an empty body reads as `{}` so the missing field gets named. */
export function jsonObjectBody(req: SandboxRequest): Record<string, unknown> {
  const text = req.rawBody.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MetroError(400, 'Metro Markets: the request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MetroError(400, 'Metro Markets: the request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
