import { ValidationError } from '../errors/errors.js';
import { stringifyJson } from '../json/lossless.js';
import type { MarketplaceId } from '../model/marketplace.js';
import { MARKETPLACE_NAMES } from '../model/marketplace.js';
import type { QueryValue, RequestSpec } from './request.js';
import type { TransportBody } from './transport.js';

export interface BaseUrl {
  /** The base URL without a trailing slash: `https://host/prefix`. */
  href: string;
  origin: string;
  /** The base path without a trailing slash; '' for the host root. */
  path: string;
}

export function normaliseBaseUrl(baseUrl: string, marketplace: MarketplaceId): BaseUrl {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ValidationError(`${MARKETPLACE_NAMES[marketplace]}: baseUrl "${baseUrl}" is not a URL`, {
      marketplace,
      field: 'baseUrl',
      limit: 'an absolute http(s) URL',
    });
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new ValidationError(
      `${MARKETPLACE_NAMES[marketplace]}: baseUrl must be an http(s) URL without credentials, query or fragment`,
      { marketplace, field: 'baseUrl', limit: 'an absolute http(s) URL' },
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { href: url.origin + path, origin: url.origin, path };
}

// Brackets stay literal so Metro's `filters[statuses][]` reaches the server as written (and as signed).
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

/** Query string in the given order; arrays repeat the key; null and undefined are left out. */
export function serialiseQuery(query: RequestSpec['query']): string {
  if (!query) return '';
  const entries: ReadonlyArray<readonly [string, QueryValue]> = Array.isArray(query)
    ? (query as ReadonlyArray<readonly [string, QueryValue]>)
    : Object.entries(query);
  const parts: string[] = [];
  for (const [key, value] of entries) {
    const values = Array.isArray(value) ? (value as ReadonlyArray<string | number>) : [value];
    for (const item of values) {
      if (item === undefined || item === null) continue;
      parts.push(`${encodeKey(key)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.join('&');
}

function leaves(base: BaseUrl, url: URL): boolean {
  if (url.origin !== base.origin || url.username || url.password) return true;
  return base.path !== '' && url.pathname !== base.path && !url.pathname.startsWith(`${base.path}/`);
}

/**
 * The absolute URL for a request, exactly as it will be sent (Metro signs it). It never leaves
 * the configured base URL: an `absoluteUrl` (Storeden next_page, a cursor a user passed back)
 * on another host or path is refused before any request is made.
 */
export function buildUrl(base: BaseUrl, spec: RequestSpec, marketplace: MarketplaceId): string {
  const refuse = (what: string) =>
    new ValidationError(`${MARKETPLACE_NAMES[marketplace]} ${spec.operation}: ${what}`, {
      marketplace,
      operation: spec.operation,
      field: spec.absoluteUrl === undefined ? 'path' : 'absoluteUrl',
      limit: `a URL below ${base.href}`,
    });
  let url: string;
  if (spec.absoluteUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(spec.absoluteUrl);
    } catch {
      throw refuse('the next-page URL is not a URL');
    }
    if (leaves(base, parsed))
      throw refuse(`the URL ${parsed.origin}${parsed.pathname} is not below the configured ${base.href}`);
    url = spec.absoluteUrl.split('#', 1)[0]!;
  } else {
    if (!spec.path.startsWith('/')) throw refuse(`the path "${spec.path}" must start with "/"`);
    url = base.href + spec.path;
    if (leaves(base, new URL(url))) throw refuse(`the path "${spec.path}" leaves ${base.href}`);
  }
  const query = serialiseQuery(spec.query);
  if (query === '') return url;
  return url + (url.includes('?') ? '&' : '?') + query;
}

export function buildBody(spec: RequestSpec): TransportBody | undefined {
  const body = spec.body;
  if (!body) return undefined;
  if ('json' in body)
    return { type: 'text', contentType: 'application/json', text: stringifyJson(body.json) };
  if ('form' in body) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(body.form)) if (value !== undefined) form.append(key, value);
    return { type: 'text', contentType: 'application/x-www-form-urlencoded', text: form.toString() };
  }
  return { type: 'multipart', parts: body.multipart };
}
