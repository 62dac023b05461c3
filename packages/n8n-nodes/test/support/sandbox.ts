import type { MarketplaceId } from '@sellerchat/core';
import { marketplaceModules, startSandbox } from '@sellerchat/sandbox';
import type { CredentialStore } from '../harness/engine.js';
import type { CredentialTypeName } from '../harness/node-types.js';

export interface FreeOrder {
  orderId: string;
  orderNumber: string;
  chatId?: string;
}

export type Sandbox = Awaited<ReturnType<typeof startSandbox>> & {
  /** Metro's seeded orders, with the chat each one has (none for a free order). */
  metroOrders(): FreeOrder[];
};

export const CREDENTIAL_TYPE: Record<MarketplaceId, CredentialTypeName> = {
  metro: 'sellerChatMetroApi',
  yandex: 'sellerChatYandexApi',
  ozon: 'sellerChatOzonApi',
  storeden: 'sellerChatStoredenApi',
};

/** The sandbox's working credential set of each marketplace. */
const VARIANT: Record<MarketplaceId, string> = {
  metro: 'seller',
  yandex: 'default',
  ozon: 'default',
  storeden: 'readWrite',
};

export async function startTestSandbox(chats = 6): Promise<Sandbox> {
  let metro: { orders(): FreeOrder[] } | undefined;
  const sandbox = await startSandbox({
    port: 0,
    seed: 42,
    chats,
    modules: marketplaceModules.map((factory) => (ctx) => {
      const module = factory(ctx);
      if (module.id === 'metro') metro = module as unknown as { orders(): FreeOrder[] };
      return module;
    }),
  });
  return Object.assign(sandbox, {
    metroOrders: () => {
      if (!metro) throw new Error('the sandbox has no Metro module');
      return metro.orders();
    },
  });
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
  return {
    [CREDENTIAL_TYPE[marketplace]]: { ...values, baseUrl: `${sandbox.url}/${marketplace}`, ...override },
  };
}

/** The secret of each marketplace's credentials: it must never appear in any output or error. */
export const SECRET_FIELD: Record<MarketplaceId, string> = {
  metro: 'clientSecret',
  yandex: 'apiKey',
  ozon: 'apiKey',
  storeden: 'exchange',
};
