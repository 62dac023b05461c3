import { createHash } from 'node:crypto';
import {
  isMarketplaceId,
  MARKETPLACE_NAMES,
  MARKETPLACES,
  type MarketplaceId,
  METRO_ENVIRONMENTS,
  type MetroEnvironment,
  type MetroSignatureEncoding,
  ValidationError,
} from '@sellerchat/core';
import type { NodeClientOptions } from '@sellerchat/core/axios';

/** What the account's edit dialog stores in flows.json: never a secret. */
export interface AccountConfig {
  id: string;
  type: string;
  name?: string;
  marketplace?: string;
  /** 'production' (default), 'sandbox' (SellerChat's local emulator) or 'custom'. */
  server?: string;
  /** sandbox: its origin, e.g. http://127.0.0.1:4010; custom: the API's base URL. */
  baseUrl?: string;
  metroEnvironment?: string;
  metroSignature?: string;
}

/**
 * Node-RED credentials of the account, one pair per marketplace. Declared again, with the same
 * types, in sellerchat-account.html: `password` fields never reach the editor or an export.
 */
export const ACCOUNT_CREDENTIALS = {
  metroClientKey: { type: 'text' },
  metroClientSecret: { type: 'password' },
  yandexBusinessId: { type: 'text' },
  yandexApiKey: { type: 'password' },
  ozonClientId: { type: 'text' },
  ozonApiKey: { type: 'password' },
  storedenKey: { type: 'password' },
  storedenExchange: { type: 'password' },
} as const satisfies Record<string, { type: 'text' | 'password' }>;

export type AccountCredentials = Partial<Record<keyof typeof ACCOUNT_CREDENTIALS, string>>;

/** What each marketplace needs, as the editor labels it. */
const REQUIRED: Record<MarketplaceId, Array<[keyof AccountCredentials, string]>> = {
  metro: [
    ['metroClientKey', 'Client Key'],
    ['metroClientSecret', 'Client Secret'],
  ],
  yandex: [
    ['yandexBusinessId', 'Business ID'],
    ['yandexApiKey', 'Api-Key'],
  ],
  ozon: [
    ['ozonClientId', 'Client-Id'],
    ['ozonApiKey', 'Api-Key'],
  ],
  storeden: [
    ['storedenKey', 'Key'],
    ['storedenExchange', 'Exchange'],
  ],
};

export interface AccountSettings {
  marketplace: MarketplaceId;
  /** Options for createNodeClient, less transport and runtime (the account adds its own). */
  client: NodeClientOptions;
  /** Every secret value, for redacting the node's own messages. */
  secrets: string[];
  /**
   * Names the account without holding a secret (Storeden's key is one): a SHA-256 of the
   * marketplace, the host and the account's id. A trigger's saved position belongs to it, so
   * pointing the account elsewhere (sandbox to production, another shop) starts over.
   */
  owner: string;
}

function ownerOf(marketplace: MarketplaceId, host: string, id: string): string {
  return createHash('sha256')
    .update(JSON.stringify([marketplace, host, id]))
    .digest('hex');
}

function value(
  credentials: AccountCredentials,
  field: keyof AccountCredentials,
  label: string,
  m: MarketplaceId,
) {
  const v = credentials[field];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new ValidationError(
      `${MARKETPLACE_NAMES[m]} account: ${label} is missing; open the account and fill it in`,
      { marketplace: m, field: `credentials.${field}`, limit: 'non-empty string' },
    );
  }
  return v.trim();
}

/** The API base URL the account talks to; undefined means the marketplace's production API. */
export function baseUrlOf(config: AccountConfig, marketplace: MarketplaceId): string | undefined {
  const server = config.server || 'production';
  const raw = (config.baseUrl ?? '').trim();
  if (server === 'production') return undefined;
  if (server !== 'sandbox' && server !== 'custom') {
    throw new ValidationError(`Server must be production, sandbox or custom (got "${server}")`, {
      marketplace,
      field: 'server',
      limit: 'production | sandbox | custom',
    });
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError(
      `${MARKETPLACE_NAMES[marketplace]} account: the ${server} URL "${raw}" is not an absolute http(s) URL`,
      { marketplace, field: 'baseUrl', limit: 'absolute http(s) URL' },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(`${MARKETPLACE_NAMES[marketplace]} account: the URL must use http or https`, {
      marketplace,
      field: 'baseUrl',
      limit: 'http: or https:',
    });
  }
  // The sandbox serves every marketplace under /<marketplace> of one origin.
  if (server === 'sandbox') return `${url.origin}/${marketplace}`;
  return raw.replace(/\/+$/, '');
}

/** Checks the account's settings before any request; every refusal names its field. */
export function accountSettings(
  config: AccountConfig,
  credentials: AccountCredentials = {},
): AccountSettings {
  const marketplace = config.marketplace;
  if (!isMarketplaceId(marketplace)) {
    throw new ValidationError(
      `Marketplace must be one of ${MARKETPLACES.join(', ')} (got "${marketplace ?? ''}")`,
      {
        field: 'marketplace',
        limit: `one of ${MARKETPLACES.join(', ')}`,
      },
    );
  }
  const [[idField, idLabel], [secretField, secretLabel]] = REQUIRED[marketplace] as [
    [keyof AccountCredentials, string],
    [keyof AccountCredentials, string],
  ];
  const id = value(credentials, idField, idLabel, marketplace);
  const secret = value(credentials, secretField, secretLabel, marketplace);
  const baseUrl = baseUrlOf(config, marketplace);
  const common = baseUrl === undefined ? {} : { baseUrl };
  const secrets = marketplace === 'storeden' ? [id, secret] : [secret];
  // Metro's environments are different hosts; without a base URL the environment names the host.
  const host = baseUrl ?? (marketplace === 'metro' ? config.metroEnvironment || 'production' : 'production');
  const owner = ownerOf(marketplace, host, id);
  switch (marketplace) {
    case 'metro': {
      const environment = (config.metroEnvironment || 'production') as MetroEnvironment;
      if (!METRO_ENVIRONMENTS.includes(environment)) {
        throw new ValidationError(
          `Metro Markets account: environment must be one of ${METRO_ENVIRONMENTS.join(', ')}`,
          {
            marketplace,
            field: 'metroEnvironment',
            limit: `one of ${METRO_ENVIRONMENTS.join(', ')}`,
          },
        );
      }
      const signatureEncoding = (config.metroSignature || 'base64') as MetroSignatureEncoding;
      return {
        marketplace,
        secrets,
        owner,
        client: {
          marketplace,
          credentials: { clientKey: id, clientSecret: secret, environment, signatureEncoding },
          ...common,
        },
      };
    }
    case 'yandex':
      return {
        marketplace,
        secrets,
        owner,
        client: { marketplace, credentials: { businessId: id, apiKey: secret }, ...common },
      };
    case 'ozon':
      return {
        marketplace,
        secrets,
        owner,
        client: { marketplace, credentials: { clientId: id, apiKey: secret }, ...common },
      };
    case 'storeden':
      return {
        marketplace,
        secrets,
        owner,
        client: { marketplace, credentials: { key: id, exchange: secret }, ...common },
      };
  }
}
