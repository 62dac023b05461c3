import { STOREDEN_CREDENTIALS } from '../../src/marketplaces/storeden/storeden-auth.js';
import { jsonRequest } from './raw-http.js';

/** Storeden calls as a seller's client makes them: `key`/`exchange` headers, form-encoded POST. */
export interface StoredenPair {
  key: string;
  exchange: string;
}

export function storedenGet(
  baseUrl: string,
  pathAndQuery: string,
  pair: StoredenPair = STOREDEN_CREDENTIALS.readWrite,
) {
  return jsonRequest(`${baseUrl}/storeden${pathAndQuery}`, { headers: { ...pair } });
}

export function storedenSend(
  baseUrl: string,
  withId: string | number,
  message: string,
  pair: StoredenPair = STOREDEN_CREDENTIALS.readWrite,
) {
  return jsonRequest(`${baseUrl}/storeden/messages/chat.json`, {
    method: 'POST',
    headers: { ...pair, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ with_id: String(withId), message }).toString(),
  });
}
