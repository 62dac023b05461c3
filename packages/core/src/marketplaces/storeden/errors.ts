import { PermissionError } from '../../errors/errors.js';
import { extractMarketplaceError } from '../../http/error-mapping.js';
import type { MapError } from '../../http/options.js';

/**
 * Storeden documents only 509 (handled as a rate limit by the pipeline). A refused write is most
 * often a READ key pair, which may only GET: the error says so. Everything else falls back to
 * the mapping by status. The error body shape is undocumented.
 */
export const mapStoredenError: MapError = ({ status, data, text, spec }) => {
  if (status !== 403 || spec.method === 'GET') return undefined;
  const info = extractMarketplaceError(data, text);
  return new PermissionError(
    `Storeden ${spec.operation}: writing was refused (HTTP 403)${info.message ? `: ${info.message}` : ''}. A READ key pair can only list and read; sending needs a READ & WRITE pair`,
    {
      marketplace: 'storeden',
      operation: spec.operation,
      status,
      code: info.code,
      marketplaceMessage: info.message,
    },
  );
};
