import type { MarketplaceId } from '@sellerchat/core';

/** The n8n credential type of each marketplace (credentials/*.credentials.ts). */
export const CREDENTIAL_TYPES: Readonly<Record<MarketplaceId, string>> = {
  metro: 'sellerChatMetroApi',
  yandex: 'sellerChatYandexApi',
  ozon: 'sellerChatOzonApi',
  storeden: 'sellerChatStoredenApi',
};
