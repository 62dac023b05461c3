import {
  type ClientsByMarketplace,
  type CredentialsByMarketplace,
  createClient,
  type MarketplaceId,
  METRO_BASE_URLS,
  type MetroEnvironment,
  OZON_BASE_URLS,
  STOREDEN_BASE_URL,
  YANDEX_BASE_URLS,
} from '@sellerchat/core';
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { accountIdentity, accountLimiter } from './account-limiters.js';
import { CREDENTIAL_TYPES } from './credential-types.js';
import { createN8nTransport, type RequestContext } from './n8n-transport.js';
import { n8nRuntime } from './runtime.js';

/** Any n8n node context that can read credentials and make requests. */
export type ConnectContext = RequestContext & Pick<IExecuteFunctions, 'getCredentials'>;

function text(data: ICredentialDataDecryptedObject, key: string): string {
  const value = data[key];
  return typeof value === 'string'
    ? value.trim()
    : value === undefined || value === null
      ? ''
      : String(value);
}

function baseUrlOf(marketplace: MarketplaceId, data: ICredentialDataDecryptedObject): string {
  const custom = text(data, 'baseUrl');
  if (custom) return custom.replace(/\/+$/, '');
  switch (marketplace) {
    case 'metro':
      return (
        METRO_BASE_URLS[(text(data, 'environment') || 'production') as MetroEnvironment] ??
        METRO_BASE_URLS.production
      );
    case 'yandex':
      return YANDEX_BASE_URLS.production;
    case 'ozon':
      return OZON_BASE_URLS.production;
    case 'storeden':
      return STOREDEN_BASE_URL;
  }
}

function coreCredentials<M extends MarketplaceId>(
  marketplace: M,
  data: ICredentialDataDecryptedObject,
): CredentialsByMarketplace[M] {
  const byMarketplace: { [K in MarketplaceId]: () => CredentialsByMarketplace[K] } = {
    metro: () => ({
      clientKey: text(data, 'clientKey'),
      clientSecret: text(data, 'clientSecret'),
      environment: (text(data, 'environment') || 'production') as MetroEnvironment,
      signatureEncoding: text(data, 'signatureEncoding') === 'hex' ? 'hex' : 'base64',
    }),
    yandex: () => ({ apiKey: text(data, 'apiKey'), businessId: text(data, 'businessId') }),
    ozon: () => ({ clientId: text(data, 'clientId'), apiKey: text(data, 'apiKey') }),
    storeden: () => ({ key: text(data, 'key'), exchange: text(data, 'exchange') }),
  };
  return byMarketplace[marketplace]() as CredentialsByMarketplace[M];
}

/**
 * A core client for the marketplace's credential. The core still receives the secrets (it
 * validates them and redacts them from every error) but adds no auth header itself
 * (`authentication: 'host'`): on the wire, auth comes from the n8n credential alone, through
 * `httpRequestWithAuthentication`.
 */
export async function connect<M extends MarketplaceId>(
  context: ConnectContext,
  marketplace: M,
): Promise<ClientsByMarketplace[M]> {
  const data = await context.getCredentials(CREDENTIAL_TYPES[marketplace]);
  const baseUrl = baseUrlOf(marketplace, data);
  const transport = createN8nTransport(context, marketplace, baseUrl);
  const credentials = coreCredentials(marketplace, data);
  return createClient({
    marketplace,
    credentials,
    baseUrl,
    transport,
    runtime: n8nRuntime,
    // Shared by every execution of this account: the marketplace counts its limits per account.
    limiter: accountLimiter(marketplace, baseUrl, accountIdentity(marketplace, credentials)),
    authentication: 'host',
  } as Parameters<typeof createClient<M>>[0]);
}
