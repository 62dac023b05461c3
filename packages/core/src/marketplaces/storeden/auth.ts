import type { Authenticate } from '../../http/options.js';
import type { StoredenCredentials } from './credentials.js';

/** Storeden's two auth headers are named literally `key` and `exchange` (official PHP SDK). */
export function createStoredenAuthenticate(credentials: StoredenCredentials): Authenticate {
  return (request) => ({
    ...request,
    headers: { ...request.headers, key: credentials.key, exchange: credentials.exchange },
  });
}
