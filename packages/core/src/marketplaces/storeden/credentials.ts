import { ValidationError } from '../../errors/errors.js';

/** A Storeden Connect key pair: READ pairs may only GET, READ & WRITE pairs may also send. */
export interface StoredenCredentials {
  key: string;
  exchange: string;
}

/** Every Connect call goes to this host; v1.0 was retired in 2019. */
export const STOREDEN_BASE_URL = 'https://connect.storeden.com/v1.1';

/** Refuses unusable credentials before any request, naming the field but never its value. */
export function checkStoredenCredentials(credentials: StoredenCredentials): StoredenCredentials {
  for (const field of ['key', 'exchange'] as const) {
    const value = credentials?.[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ValidationError(`Storeden: credentials.${field} is required (a non-empty string)`, {
        marketplace: 'storeden',
        field: `credentials.${field}`,
        limit: 'non-empty string',
      });
    }
  }
  return { key: credentials.key, exchange: credentials.exchange };
}
