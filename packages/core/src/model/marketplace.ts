/** The marketplaces SellerChat speaks to. The value is the stable key used in configs, events and state. */
export const MARKETPLACES = ['metro', 'yandex', 'ozon', 'storeden'] as const;
export type MarketplaceId = (typeof MARKETPLACES)[number];

export const MARKETPLACE_NAMES: Readonly<Record<MarketplaceId, string>> = {
  metro: 'Metro Markets',
  yandex: 'Yandex Market',
  ozon: 'Ozon',
  storeden: 'Storeden',
};

export function isMarketplaceId(value: unknown): value is MarketplaceId {
  return typeof value === 'string' && (MARKETPLACES as readonly string[]).includes(value);
}
