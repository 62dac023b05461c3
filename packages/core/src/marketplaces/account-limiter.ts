import { ValidationError } from '../errors/errors.js';
import type { Runtime } from '../http/clock.js';
import { createLimiter, type Limiter, type LimitRules } from '../http/limiter.js';
import { isMarketplaceId, MARKETPLACES, type MarketplaceId } from '../model/marketplace.js';
import { METRO_LIMITS } from './metro/limits.js';
import { OZON_LIMITS } from './ozon/limits.js';
import { STOREDEN_LIMITS } from './storeden/limits.js';
import { YANDEX_LIMITS } from './yandex/limits.js';

/** Each marketplace's documented limits per account: what its client applies unless told otherwise. */
export const DEFAULT_LIMITS: Readonly<Record<MarketplaceId, Readonly<LimitRules>>> = Object.freeze({
  metro: METRO_LIMITS,
  yandex: YANDEX_LIMITS,
  ozon: OZON_LIMITS,
  storeden: STOREDEN_LIMITS,
});

/** The marketplace's default rules with `limits` laid over them, rule by rule (`all`, `read`, ...). */
export function accountLimitRules(marketplace: MarketplaceId, limits?: LimitRules): LimitRules {
  return { ...DEFAULT_LIMITS[marketplace], ...limits };
}

/**
 * One limiter for one marketplace account, to pass as `limiter` to every client of that account.
 * A marketplace counts its limits per account (Ozon's 50 requests/s per Client-Id, Yandex's 4
 * parallel requests per business), so a host that builds several clients for one account (n8n
 * builds one per execution) must share one limiter between them, or together they exceed it.
 */
export function createAccountLimiter(
  marketplace: MarketplaceId,
  runtime: Pick<Runtime, 'clock' | 'sleep'>,
  limits?: LimitRules,
): Limiter {
  if (!isMarketplaceId(marketplace)) {
    throw new ValidationError(`marketplace must be one of ${MARKETPLACES.join(', ')}`, {
      field: 'marketplace',
      limit: `one of ${MARKETPLACES.join(', ')}`,
    });
  }
  return createLimiter(accountLimitRules(marketplace, limits), runtime);
}
