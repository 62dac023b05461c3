import type { MarketplaceId } from '../model/marketplace.js';
import type { HttpMethod, MultipartField, MultipartFile } from './transport.js';

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

/** Which limiter bucket a request counts against. */
export type RequestClass = 'read' | 'write' | 'file';

/**
 * What a marketplace client asks the pipeline for. The pipeline builds the URL, serialises the
 * body, authenticates, limits, retries (only when `idempotent`), parses losslessly and maps errors.
 */
export interface RequestSpec {
  /** The client operation, carried into errors and logs: `listChats`, `sendText`... */
  operation: string;
  method: HttpMethod;
  /** Path below the base URL. Build it with `path\`...\`` so user input is encoded. */
  path: string;
  /** Serialised in this order; arrays repeat the key. Keys are used as given (Metro `filters[isSeen]`). */
  query?: ReadonlyArray<readonly [string, QueryValue]> | Readonly<Record<string, QueryValue>>;
  body?:
    | { json: unknown }
    | { form: Record<string, string> }
    | { multipart: Array<MultipartFile | MultipartField> };
  headers?: Record<string, string>;
  /** Safe to repeat: reads, and writes the marketplace deduplicates. Default: GET true, else false. */
  idempotent?: boolean;
  requestClass?: RequestClass;
  /** Absolute URL to call instead of base URL + path (Storeden next_page); must stay on the base URL's origin. */
  absoluteUrl?: string;
  /** Stops waiting (limiter, backoff) and the transport call; the promise rejects with the reason. */
  signal?: AbortSignal;
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed losslessly: integers beyond 2^53 are exact decimal strings. */
  data: T;
  /** The raw text, for signature checks or debugging (never logged). */
  text: string;
  /** The raw bytes when the transport kept them (file downloads). */
  bytes?: Uint8Array;
}

/** What each marketplace client is handed: one call that does everything above. */
export interface HttpClient {
  readonly marketplace: MarketplaceId;
  readonly baseUrl: string;
  request<T = unknown>(spec: RequestSpec): Promise<HttpResult<T>>;
}
