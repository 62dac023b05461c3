import { ValidationError } from '../errors/errors.js';
import { MARKETPLACE_NAMES, type MarketplaceId } from '../model/marketplace.js';
import type { Authenticate } from './options.js';

/**
 * Who puts the credentials on each request. `core` (the default): the client adds the
 * marketplace's headers itself (Api-Key, Client-Id, Metro's signature, Storeden's key/exchange).
 * `host`: the host's transport authenticates every request (n8n's credential does), so the
 * client sends no credential header at all.
 */
export type Authentication = 'core' | 'host';

export const AUTHENTICATIONS: readonly Authentication[] = ['core', 'host'];

/** The request as built: with host authentication the transport adds the credentials. */
const leaveToHost: Authenticate = (request) => request;

/** The client's Authenticate for the chosen mode; refuses an unknown mode before any request. */
export function chooseAuthenticate(
  marketplace: MarketplaceId,
  authentication: unknown,
  own: () => Authenticate,
): Authenticate {
  if (authentication === undefined || authentication === 'core') return own();
  if (authentication === 'host') return leaveToHost;
  throw new ValidationError(
    `${MARKETPLACE_NAMES[marketplace]}: authentication must be one of ${AUTHENTICATIONS.join(', ')}`,
    { marketplace, field: 'authentication', limit: `one of ${AUTHENTICATIONS.join(', ')}` },
  );
}
