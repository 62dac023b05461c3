import { KEYS, type OzonKey } from './credentials.js';
import { OzonHttpError } from './errors.js';

/**
 * Client-Id and Api-Key are both required. The statuses follow what third-party probes of the
 * live API report (docs/fidelity-ozon.md): 400/3 for a non-numeric Client-Id, 404/5 with the
 * documented "Invalid Api-Key" text for a wrong pair; 401/16 for missing headers is a guess.
 */
export function authenticate(headers: Record<string, string>): OzonKey {
  const clientId = headers['client-id']?.trim();
  const apiKey = headers['api-key']?.trim();
  if (!clientId || !apiKey) {
    throw new OzonHttpError(401, 'Client-Id and Api-Key headers are required');
  }
  if (!/^\d+$/.test(clientId) || /^0+$/.test(clientId)) {
    throw new OzonHttpError(400, 'Client-Id header value should be positive integer');
  }
  const key = KEYS.find((candidate) => candidate.clientId === clientId && candidate.apiKey === apiKey);
  if (!key) throw new OzonHttpError(404, 'Invalid Api-Key, please check the key and try again');
  return key;
}

export function requireWriteRole(key: OzonKey): void {
  if (key.readOnly) throw new OzonHttpError(403, 'Api-Key is missing a required role for a method');
}
