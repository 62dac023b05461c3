import type { Capabilities } from '../model/capabilities.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { metroCapabilities } from './metro/capabilities.js';
import { ozonCapabilities } from './ozon/capabilities.js';
import { storedenCapabilities } from './storeden/capabilities.js';
import { yandexCapabilities } from './yandex/capabilities.js';

/** Every marketplace's descriptor, for editors that build their forms from it. */
export const CAPABILITIES: Readonly<Record<MarketplaceId, Capabilities>> = {
  metro: metroCapabilities,
  yandex: yandexCapabilities,
  ozon: ozonCapabilities,
  storeden: storedenCapabilities,
};

export function capabilitiesOf(marketplace: MarketplaceId): Capabilities {
  return CAPABILITIES[marketplace];
}
