import type { SellerChatError } from '../errors/errors.js';
import type { MarketplaceId } from '../model/marketplace.js';
import type { Runtime } from './clock.js';
import type { Limiter } from './limiter.js';
import type { RequestClass, RequestSpec } from './request.js';
import type { Transport, TransportRequest } from './transport.js';

/** Adds auth headers (Metro signs method, full URL, body and timestamp). Runs on every attempt. */
export type Authenticate = (
  request: TransportRequest,
  runtime: Runtime,
) => TransportRequest | Promise<TransportRequest>;

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  /** Lossless parse of the body, or undefined when it is not JSON. */
  data: unknown;
  text: string;
  spec: RequestSpec;
}

/**
 * Turns a marketplace's error response into a typed error. Return undefined to fall back to the
 * default mapping by HTTP status (401 auth, 403 permission, 404 not found, 409 conflict, 429 rate
 * limit, 5xx marketplace...).
 */
export type MapError = (response: ErrorResponse) => SellerChatError | undefined;

export interface LimitRule {
  /** Most requests in flight at once. */
  concurrency?: number;
  /** Most requests per `intervalMs`, each counted from its start until `intervalMs` after its response. */
  rate?: number;
  intervalMs?: number;
}

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After the pipeline waits out itself; longer ones surface as RateLimitError. */
  maxRetryAfterMs: number;
}

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export interface HttpClientOptions {
  marketplace: MarketplaceId;
  /** e.g. https://api.partner.market.yandex.ru or http://127.0.0.1:4010/yandex */
  baseUrl: string;
  transport: Transport;
  runtime: Runtime;
  authenticate: Authenticate;
  mapError?: MapError;
  /** Every secret value (keys, tokens): redacted from errors, logs and toJSON. */
  secrets: string[];
  /** Limiter rules per request class; `all` applies to every request of the account. */
  limits?: Partial<Record<RequestClass | 'all', LimitRule>>;
  /**
   * A limiter shared by every client of the same account (Yandex counts its 4 parallel requests
   * per business, whichever client sends them). When given, `limits` is ignored.
   */
  limiter?: Limiter;
  /** Defaults: 3 attempts, 250 ms base delay, 10 s max delay, 60 s max Retry-After. */
  retry?: Partial<RetryPolicy>;
  /** Per attempt, enforced by the transport. Default 30 s. */
  timeoutMs?: number;
  /** Statuses that mean "slow down" besides 429 and 503: Yandex 420, Storeden 509. */
  rateLimitStatuses?: number[];
  logger?: Logger;
}
