import type { MarketplaceId } from '@sellerchat/core';
import { startSandbox } from '@sellerchat/sandbox';
import type { CredentialStore } from '../harness/engine.js';
import type { CredentialTypeName } from '../harness/node-types.js';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export const CREDENTIAL_TYPE: Record<MarketplaceId, CredentialTypeName> = {
  metro: 'sellerChatMetroApi',
  yandex: 'sellerChatYandexApi',
  ozon: 'sellerChatOzonApi',
  storeden: 'sellerChatStoredenApi',
};

/** The sandbox's working credential set of each marketplace. */
const VARIANT: Record<MarketplaceId, string> = { metro: 'seller', yandex: 'default', ozon: 'default', storeden: 'readWrite' };

export function startTestSandbox(chats = 6): Promise<Sandbox> {
  return startSandbox({ port: 0, seed: 42, chats });
}

/** n8n credential values pointing at the sandbox; `override` replaces fields (a wrong secret...). */
export function sandboxCredentials(
  sandbox: Sandbox,
  marketplace: MarketplaceId,
  override: Record<string, string> = {},
  variant = VARIANT[marketplace],
): CredentialStore {
  const values = sandbox.control.credentials(marketplace)[variant];
  if (!values) throw new Error(`sandbox has no ${variant} credentials for ${marketplace}`);
  return { [CREDENTIAL_TYPE[marketplace]]: { ...values, baseUrl: `${sandbox.url}/${marketplace}`, ...override } };
}

/** The secret of each marketplace's credentials: it must never appear in any output or error. */
export const SECRET_FIELD: Record<MarketplaceId, string> = {
  metro: 'clientSecret',
  yandex: 'apiKey',
  ozon: 'apiKey',
  storeden: 'exchange',
};
