import {
  MarketplaceError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  ValidationError,
} from '../../errors/errors.js';
import type { HttpClient } from '../../http/request.js';
import type { Transport } from '../../http/transport.js';
import { isTransportFailure } from '../../http/transport.js';
import type { MarketplaceId } from '../../model/marketplace.js';
import { MARKETPLACE_NAMES } from '../../model/marketplace.js';

export interface DownloadOptions {
  marketplace: MarketplaceId;
  http: HttpClient;
  transport: Transport;
  url: string | undefined;
  timeoutMs: number;
}

/**
 * Bytes of an attachment URL. A URL below the client's base URL goes through the pipeline (auth,
 * limits, retries); any other host (a CDN, signed storage) is fetched with no credentials at all,
 * so an API key never travels to a host it was not issued for.
 */
export async function downloadFile(o: DownloadOptions): Promise<Uint8Array> {
  const name = MARKETPLACE_NAMES[o.marketplace];
  const context = { marketplace: o.marketplace, operation: 'downloadAttachment' };
  let url: URL;
  try {
    url = new URL(o.url ?? '');
  } catch {
    throw new ValidationError(`${name}: attachment.url is ${o.url ? 'not a URL' : 'missing'}`, {
      ...context,
      field: 'attachment.url',
      limit: 'an absolute http(s) URL',
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError(`${name}: attachment.url must be http(s)`, {
      ...context,
      field: 'attachment.url',
      limit: 'an absolute http(s) URL',
    });
  }
  const base = o.http.baseUrl.replace(/\/+$/, '');
  if (url.href === base || url.href.startsWith(`${base}/`)) {
    const result = await o.http.request({
      operation: 'downloadAttachment',
      method: 'GET',
      path: '/',
      absoluteUrl: url.href,
    });
    return result.bytes ?? new TextEncoder().encode(result.text);
  }
  let response: Awaited<ReturnType<Transport>>;
  try {
    response = await o.transport({
      method: 'GET',
      url: url.href,
      headers: { Accept: '*/*' },
      timeoutMs: o.timeoutMs,
    });
  } catch (err) {
    if (isTransportFailure(err) && err.kind === 'timeout') {
      throw new TimeoutError(`${name} downloadAttachment: no response within ${o.timeoutMs} ms`, context);
    }
    const reason = isTransportFailure(err) ? `${err.kind}: ${err.message}` : String(err);
    throw new NetworkError(`${name} downloadAttachment: network failure (${reason})`, context);
  }
  if (response.status === 404 || response.status === 410) {
    throw new NotFoundError(
      `${name} downloadAttachment: the file is gone (HTTP ${response.status}); its link may have expired`,
      {
        ...context,
        status: response.status,
      },
    );
  }
  if (response.status < 200 || response.status >= 300) {
    throw new MarketplaceError(`${name} downloadAttachment: HTTP ${response.status}`, {
      ...context,
      status: response.status,
    });
  }
  return response.bytes ?? new TextEncoder().encode(response.body);
}
