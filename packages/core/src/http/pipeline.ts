import {
  AuthError,
  MarketplaceError,
  NetworkError,
  SellerChatError,
  TimeoutError,
} from '../errors/errors.js';
import { parseJson } from '../json/lossless.js';
import { MARKETPLACE_NAMES } from '../model/marketplace.js';
import { createRedactor, type Redactor, sensitiveHeaderValues } from '../redaction/redact.js';
import { backoffDelay } from './backoff.js';
import { errorForStatus, extractMarketplaceError } from './error-mapping.js';
import { createLimiter, type Limiter } from './limiter.js';
import type { HttpClientOptions, Logger, RetryPolicy } from './options.js';
import type { HttpClient, HttpResult, RequestClass, RequestSpec } from './request.js';
import { retryAfterFromHeaders } from './retry-after.js';
import type { TransportBody, TransportFailure, TransportRequest, TransportResponse } from './transport.js';
import { isTransportFailure } from './transport.js';
import { buildBody, buildUrl, normaliseBaseUrl } from './url.js';

export const DEFAULT_RETRY: Readonly<RetryPolicy> = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What one attempt ended with, and whether repeating it could help. */
type Outcome = { ok: HttpResult } | { error: SellerChatError; transient: boolean; retryAfterMs?: number };

function checkPolicy(retry: RetryPolicy, timeoutMs: number): void {
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be an integer of at least 1, got ${retry.maxAttempts}`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    if (!(retry[key] >= 0)) throw new RangeError(`retry.${key} must be 0 or more, got ${retry[key]}`);
  }
  if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be more than 0, got ${timeoutMs}`);
}

function requestClassOf(spec: RequestSpec): RequestClass {
  if (spec.requestClass) return spec.requestClass;
  if (spec.body && 'multipart' in spec.body) return 'file';
  return spec.method === 'GET' ? 'read' : 'write';
}

/** Fills in what a custom mapError left out and hides secrets in everything the error says. */
function finish(
  error: SellerChatError,
  context: Partial<SellerChatError>,
  redactor: Redactor,
): SellerChatError {
  const target = error as { -readonly [K in keyof SellerChatError]: SellerChatError[K] };
  target.marketplace ??= context.marketplace;
  target.operation ??= context.operation;
  target.status ??= context.status;
  target.message = redactor.redact(error.message);
  if (error.marketplaceMessage !== undefined)
    target.marketplaceMessage = redactor.redact(error.marketplaceMessage);
  if (error.code !== undefined) target.code = redactor.redact(error.code);
  if (error.stack !== undefined) target.stack = redactor.redact(error.stack);
  return error;
}

function safeLog(
  logger: Logger | undefined,
  level: 'debug' | 'warn',
  message: string,
  data: Record<string, unknown>,
) {
  try {
    logger?.[level](message, data);
  } catch {
    // A broken logger must not break the request it reports on.
  }
}

/**
 * The one HTTP path every marketplace client uses: URL, body, auth on every attempt, limiter,
 * transport, lossless parse, typed errors, and retries: of idempotent requests, and of any request
 * the marketplace refused with a rate-limit answer.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { marketplace, transport, runtime, authenticate, logger } = options;
  const name = MARKETPLACE_NAMES[marketplace];
  const base = normaliseBaseUrl(options.baseUrl, marketplace);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  checkPolicy(retry, timeoutMs);
  const rateLimitStatuses = new Set([429, 503, ...(options.rateLimitStatuses ?? [])]);
  /** "Too many requests", said outright: 429 and the marketplace's own (Yandex 420, Storeden 509). */
  const refusalStatuses = new Set([429, ...(options.rateLimitStatuses ?? [])]);
  const baseRedactor = createRedactor(options.secrets);
  const limiter: Limiter = options.limiter ?? createLimiter(options.limits ?? {}, runtime);

  const log = (level: 'debug' | 'warn', message: string, data: Record<string, unknown>, redactor: Redactor) =>
    safeLog(logger, level, redactor.redact(message), redactor.redactValue(data));

  async function sign(unsigned: TransportRequest, spec: RequestSpec): Promise<TransportRequest> {
    try {
      return await authenticate(unsigned, runtime);
    } catch (error) {
      if (error instanceof SellerChatError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthError(`${name} ${spec.operation}: could not authenticate the request: ${reason}`, {
        marketplace,
        operation: spec.operation,
      });
    }
  }

  async function attempt(
    spec: RequestSpec,
    url: string,
    body: TransportBody | undefined,
    number: number,
  ): Promise<{ outcome: Outcome; redactor: Redactor }> {
    const context = { marketplace, operation: spec.operation };
    const unsigned: TransportRequest = {
      method: spec.method,
      url,
      headers: { ...spec.headers },
      body,
      timeoutMs,
      signal: spec.signal,
    };
    if (!Object.keys(unsigned.headers).some((h) => h.toLowerCase() === 'accept')) {
      unsigned.headers.Accept = 'application/json';
    }
    let redactor = baseRedactor;
    const data = { marketplace, operation: spec.operation, attempt: number };
    let started = 0;
    let response: TransportResponse;
    try {
      response = await limiter.run(
        requestClassOf(spec),
        async () => {
          // Signed once a slot is free, so Metro's timestamp is fresh when the request leaves.
          const signed = await sign(unsigned, spec);
          // A fresh signature per attempt: hide it too, in this attempt's errors and logs only.
          redactor = baseRedactor.with(sensitiveHeaderValues(signed.headers));
          log(
            'debug',
            `→ ${signed.method} ${signed.url} (attempt ${number}/${retry.maxAttempts})`,
            data,
            redactor,
          );
          started = runtime.clock.now();
          return transport(signed);
        },
        spec.signal,
      );
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      if (error instanceof SellerChatError) throw finish(error, context, redactor);
      return { outcome: transportOutcome(error, spec, redactor), redactor };
    }
    const elapsed = runtime.clock.now() - started;
    const line = `← ${response.status} ${spec.method} ${url} in ${elapsed} ms`;
    log('debug', line, { ...data, status: response.status }, redactor);
    return { outcome: responseOutcome(response, spec, redactor), redactor };
  }

  function transportOutcome(error: unknown, spec: RequestSpec, redactor: Redactor): Outcome {
    const failure: TransportFailure = isTransportFailure(error)
      ? error
      : {
          transportFailure: true,
          kind: 'other',
          message: error instanceof Error ? error.message : String(error),
        };
    const context = { marketplace, operation: spec.operation };
    const prefix = `${name} ${spec.operation}`;
    const unsure = spec.method === 'GET' ? '' : '; it may or may not have been performed';
    const made =
      failure.kind === 'timeout'
        ? new TimeoutError(`${prefix}: no response within ${timeoutMs} ms${unsure}`, context)
        : new NetworkError(
            `${prefix}: network failure (${failure.kind}): ${failure.message}${unsure}`,
            context,
          );
    // No cause: a transport's own error can hold the request, headers and all.
    return { error: finish(made, context, redactor), transient: true };
  }

  function responseOutcome(response: TransportResponse, spec: RequestSpec, redactor: Redactor): Outcome {
    const { status, headers, body: text } = response;
    const context = { marketplace, operation: spec.operation, status };
    const contentType = headers['content-type'] ?? '';
    let data: unknown;
    let parseFailed = false;
    if (text.trim() !== '' && (/json/i.test(contentType) || /^\s*[[{]/.test(text))) {
      try {
        data = parseJson(text);
      } catch {
        parseFailed = true;
      }
    }

    if (status >= 200 && status < 300) {
      if (parseFailed) {
        // Most often a body cut short on the way: worth another try when the call is safe.
        const error = new MarketplaceError(
          `${name} ${spec.operation}: the response body is not valid JSON (HTTP ${status})`,
          context,
        );
        return { error: finish(error, context, redactor), transient: true };
      }
      return { ok: { status, headers, data, text, bytes: response.bytes } };
    }

    const isRateLimit = rateLimitStatuses.has(status);
    const retryAfterMs = isRateLimit ? retryAfterFromHeaders(headers, runtime.clock.now()) : undefined;
    const safeText = redactor.redact(text);
    const safeData = redactor.redactValue(data);
    let error = options.mapError?.({ status, headers, data: safeData, text: safeText, spec });
    if (!error) {
      const info = extractMarketplaceError(safeData, safeText);
      error = errorForStatus({
        marketplace,
        operation: spec.operation,
        status,
        info,
        isRateLimit,
        retryAfterMs,
      });
    }
    if (
      error.kind === 'rate_limit' &&
      (error as { retryAfterMs?: number }).retryAfterMs === undefined &&
      retryAfterMs !== undefined
    ) {
      (error as { retryAfterMs?: number }).retryAfterMs = retryAfterMs;
    }
    const transient =
      error.kind === 'rate_limit' || error.kind === 'network' || error.kind === 'timeout' || status >= 500;
    const wait = (error as { retryAfterMs?: number }).retryAfterMs;
    return { error: finish(error, context, redactor), transient, retryAfterMs: wait };
  }

  /**
   * A rate-limit answer that says the request was not taken: a status of the marketplace's own
   * for "too many requests", or one under 500 carrying the marketplace's rate-limit message (Ozon
   * reads it from the body).
   */
  const isRefusal = (error: SellerChatError): boolean =>
    error.kind === 'rate_limit' &&
    error.status !== undefined &&
    (refusalStatuses.has(error.status) || error.status < 500);

  async function request<T>(spec: RequestSpec): Promise<HttpResult<T>> {
    if (spec.signal?.aborted) throw spec.signal.reason;
    let url: string;
    try {
      url = buildUrl(base, spec, marketplace);
    } catch (error) {
      // The refused URL is echoed in the message, and a pasted cursor could carry a key.
      throw error instanceof SellerChatError ? finish(error, {}, baseRedactor) : error;
    }
    const body = buildBody(spec);
    const idempotent = spec.idempotent ?? spec.method === 'GET';

    for (let number = 1; ; number++) {
      const { outcome, redactor } = await attempt(spec, url, body, number);
      if ('ok' in outcome) return outcome.ok as HttpResult<T>;
      const { error, transient, retryAfterMs } = outcome;
      const data = {
        marketplace,
        operation: spec.operation,
        attempt: number,
        kind: error.kind,
        status: error.status,
      };
      // A non-idempotent request is repeated here only after a definite rate-limit refusal: the
      // marketplace answered that it did not take the request (limits are checked before any
      // work), so nothing was stored and sending again cannot post twice. Never after a reset, a
      // timeout or a 5xx, where it may have arrived: the client checks the chat's history for those
      // (sendOnce). A 503 does not count: like any 5xx it may come from a gateway that has no idea
      // whether the marketplace behind it stored the request.
      if (!(idempotent || isRefusal(error)) || !transient || number >= retry.maxAttempts) {
        log('debug', `✗ ${spec.operation} failed: ${error.message}`, data, redactor);
        throw error;
      }
      if (retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfterMs) {
        log(
          'warn',
          `${spec.operation}: the marketplace asks to wait ${retryAfterMs} ms, longer than we wait ourselves`,
          { ...data, retryAfterMs },
          redactor,
        );
        throw error;
      }
      const delay = retryAfterMs ?? backoffDelay(number, retry, runtime.random);
      // The wait as data too, so a host shows it (a "rate-limited" status) without parsing the text.
      log(
        'warn',
        `${spec.operation}: retrying in ${delay} ms after ${error.kind}${error.status ? ` (HTTP ${error.status})` : ''}`,
        { ...data, delayMs: delay },
        redactor,
      );
      await runtime.sleep(delay, spec.signal);
    }
  }

  return { marketplace, baseUrl: base.href, request };
}
