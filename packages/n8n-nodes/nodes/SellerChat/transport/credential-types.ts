import type { MarketplaceId } from '@sellerchat/core';

/** The n8n credential type of each marketplace (credentials/*.credentials.ts). */
export const CREDENTIAL_TYPES: Readonly<Record<MarketplaceId, string>> = {
  metro: 'sellerChatMetroApi',
  yandex: 'sellerChatYandexApi',
  ozon: 'sellerChatOzonApi',
  storeden: 'sellerChatStoredenApi',
};

/**
 * The headers the core's own authenticate adds. The transport drops them so that the n8n
 * credential (its `authenticate`) is the one and only source of auth on the wire.
 */
export const CORE_AUTH_HEADERS: Readonly<Record<MarketplaceId, readonly string[]>> = {
  metro: ['x-client-id', 'x-timestamp', 'x-signature'],
  yandex: ['api-key', 'authorization'],
  ozon: ['client-id', 'api-key'],
  storeden: ['key', 'exchange'],
};
