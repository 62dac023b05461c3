import { MarketplaceError } from '../../errors/errors.js';
import { MARKETPLACE_NAMES, type MarketplaceId } from '../../model/marketplace.js';

/**
 * Every paging loop stops after a fixed number of pages: a marketplace that keeps handing out a
 * next page (the same page again, a cursor that never ends) would otherwise loop forever.
 * Reaching the limit is an error, never a quietly shortened list.
 */
export function tooManyPages(
  marketplace: MarketplaceId,
  operation: string,
  maxPages: number,
): MarketplaceError {
  return new MarketplaceError(
    `${MARKETPLACE_NAMES[marketplace]} ${operation}: more than ${maxPages} pages; the marketplace keeps answering with a next page`,
    { marketplace, operation },
  );
}
