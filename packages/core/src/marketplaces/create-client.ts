import { ValidationError } from '../errors/errors.js';
import type { Runtime } from '../http/clock.js';
import {
  isMarketplaceId,
  MARKETPLACE_NAMES,
  MARKETPLACES,
  type MarketplaceId,
} from '../model/marketplace.js';
import { createMetroClient, type MetroClient } from './metro/client.js';
import type { MetroCredentials } from './metro/credentials.js';
import { createOzonClient, type OzonClient } from './ozon/client.js';
import type { OzonCredentials } from './ozon/credentials.js';
import type { ClientOptions } from './shared/client-options.js';
import { createStoredenClient, type StoredenClient } from './storeden/client.js';
import type { StoredenCredentials } from './storeden/credentials.js';
import { createYandexClient, type YandexClient } from './yandex/client.js';
import type { YandexCredentials } from './yandex/credentials.js';

export interface CredentialsByMarketplace {
  metro: MetroCredentials;
  yandex: YandexCredentials;
  ozon: OzonCredentials;
  storeden: StoredenCredentials;
}

export interface ClientsByMarketplace {
  metro: MetroClient;
  yandex: YandexClient;
  ozon: OzonClient;
  storeden: StoredenClient;
}

export type CreateClientOptions<M extends MarketplaceId = MarketplaceId> = {
  [K in M]: ClientOptions<CredentialsByMarketplace[K]> & { marketplace: K };
}[M];

/**
 * One entry point for every marketplace. The returned client implements `MarketplaceClient`
 * and keeps the marketplace's extra endpoints (Metro categories, Yandex getMessage, ...).
 */
export function createClient<M extends MarketplaceId>(
  options: CreateClientOptions<M>,
): ClientsByMarketplace[M];
export function createClient(options: CreateClientOptions): ClientsByMarketplace[MarketplaceId] {
  const marketplace: unknown = options?.marketplace;
  if (!isMarketplaceId(marketplace)) {
    throw new ValidationError(`marketplace must be one of ${MARKETPLACES.join(', ')}`, {
      field: 'marketplace',
      limit: `one of ${MARKETPLACES.join(', ')}`,
    });
  }
  if (typeof options.transport !== 'function') {
    throw new ValidationError(
      `${MARKETPLACE_NAMES[marketplace]}: transport is required: pass createAxiosTransport() from @sellerchat/core/axios or your own`,
      { marketplace, field: 'transport' },
    );
  }
  // Without this check a missing runtime crashes deep inside the client with a TypeError.
  const runtime: Partial<Runtime> | undefined = options.runtime;
  if (typeof runtime?.clock?.now !== 'function' || typeof runtime.sleep !== 'function') {
    throw new ValidationError(
      `${MARKETPLACE_NAMES[marketplace]}: runtime is required: pass nodeRuntime from @sellerchat/core/axios, or use createNodeClient`,
      { marketplace, field: 'runtime', limit: '{ clock, sleep, random }' },
    );
  }
  switch (options.marketplace) {
    case 'metro':
      return createMetroClient(options);
    case 'yandex':
      return createYandexClient(options);
    case 'ozon':
      return createOzonClient(options);
    case 'storeden':
      return createStoredenClient(options);
  }
}
