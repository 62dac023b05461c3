import type { MarketplaceId } from '../../model/marketplace.js';
import { metroStrategy } from './metro.js';
import { ozonStrategy } from './ozon.js';
import { storedenStrategy } from './storeden.js';
import type { ChangeStrategy } from './strategy.js';
import { yandexStrategy } from './yandex.js';

const STRATEGIES: Record<MarketplaceId, ChangeStrategy> = {
  metro: metroStrategy,
  yandex: yandexStrategy,
  ozon: ozonStrategy,
  storeden: storedenStrategy,
};

export function strategyFor(marketplace: MarketplaceId): ChangeStrategy {
  return STRATEGIES[marketplace];
}

export type { ChangeStrategy, Listing } from './strategy.js';
