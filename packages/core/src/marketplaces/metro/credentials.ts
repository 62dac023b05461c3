import { ValidationError } from '../../errors/errors.js';

/** Which Metro environment a client key belongs to: keys are issued per environment. */
export type MetroEnvironment = 'production' | 'preproduction' | 'sandbox';

/**
 * Metro's docs show the signature both as base64 (prose) and as lower-case hex (their PHP
 * sample); which one production accepts is not confirmed, so the user can switch.
 */
export type MetroSignatureEncoding = 'base64' | 'hex';

export interface MetroCredentials {
  /** The Client Key from Seller Office (sent as X-Client-Id). */
  clientKey: string;
  /** The Client Secret from Seller Office: the HMAC key, never sent. */
  clientSecret: string;
  /** Default `production`. */
  environment?: MetroEnvironment;
  /** Default `base64`. */
  signatureEncoding?: MetroSignatureEncoding;
}

/**
 * Service-message-center hosts. Sandbox and pre-production are in Metro's docs; production is
 * a GUESS by analogy with the documented `app-seller-pim.prod.de.metro-marketplace.cloud`.
 */
export const METRO_BASE_URLS: Readonly<Record<MetroEnvironment, string>> = {
  production: 'https://service-message-center.prod.de.metro-marketplace.cloud',
  preproduction: 'https://service-message-center.pp-de.metro-marketplace.cloud',
  sandbox: 'https://service-message-center.sandbox.infra.metro-markets.cloud',
};

export const METRO_ENVIRONMENTS = Object.keys(METRO_BASE_URLS) as MetroEnvironment[];

const ENCODINGS: readonly MetroSignatureEncoding[] = ['base64', 'hex'];

/** Refuses unusable credentials before any request, naming the field but never its value. */
export function checkMetroCredentials(credentials: MetroCredentials): Required<MetroCredentials> {
  const { clientKey, clientSecret } = credentials ?? ({} as MetroCredentials);
  for (const [field, value] of [
    ['clientKey', clientKey],
    ['clientSecret', clientSecret],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ValidationError(`Metro Markets: credentials.${field} is required (a non-empty string)`, {
        marketplace: 'metro',
        field: `credentials.${field}`,
        limit: 'non-empty string',
      });
    }
  }
  const environment = credentials.environment ?? 'production';
  if (!METRO_ENVIRONMENTS.includes(environment)) {
    throw new ValidationError(
      `Metro Markets: credentials.environment must be one of ${METRO_ENVIRONMENTS.join(', ')}`,
      {
        marketplace: 'metro',
        field: 'credentials.environment',
        limit: `one of ${METRO_ENVIRONMENTS.join(', ')}`,
      },
    );
  }
  const signatureEncoding = credentials.signatureEncoding ?? 'base64';
  if (!ENCODINGS.includes(signatureEncoding)) {
    throw new ValidationError('Metro Markets: credentials.signatureEncoding must be base64 or hex', {
      marketplace: 'metro',
      field: 'credentials.signatureEncoding',
      limit: 'one of base64, hex',
    });
  }
  return { clientKey, clientSecret, environment, signatureEncoding };
}
