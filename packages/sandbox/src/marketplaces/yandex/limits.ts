import { YandexHttpError } from './errors.js';
import type { Operation } from './operations.js';
import { rfc822 } from './time.js';

/** In-flight requests per businessId; a request holds its slot until its response is produced. */
export class ParallelGate {
  readonly #inFlight = new Map<number, number>();

  inFlight(businessId: number): number {
    return this.#inFlight.get(businessId) ?? 0;
  }

  /** Take a slot or throw 420; the caller must call the returned release exactly once. */
  acquire(businessId: number, limit: number): () => void {
    const current = this.inFlight(businessId);
    if (current >= limit) {
      throw new YandexHttpError(
        420,
        `Hit rate limit of ${limit} parallel requests for businessId ${businessId}`,
      );
    }
    this.#inFlight.set(businessId, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.inFlight(businessId) - 1;
      if (left > 0) this.#inFlight.set(businessId, left);
      else this.#inFlight.delete(businessId);
    };
  }

  clear(): void {
    this.#inFlight.clear();
  }
}

export interface QuotaState {
  limit: number;
  remaining: number;
  untilMs: number;
}

/**
 * Requests per (businessId, operation) in fixed windows aligned to the clock (hours by default),
 * which is what X-RateLimit-Resource-Until's "until" suggests.
 */
export class HourlyQuota {
  readonly #used = new Map<string, { windowStart: number; count: number }>();

  #entry(businessId: number, operation: Operation, now: number, windowMs: number) {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const key = `${businessId}:${operation}`;
    let entry = this.#used.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      entry = { windowStart, count: 0 };
      this.#used.set(key, entry);
    }
    return entry;
  }

  peek(businessId: number, operation: Operation, limit: number, now: number, windowMs: number): QuotaState {
    const entry = this.#entry(businessId, operation, now, windowMs);
    return { limit, remaining: Math.max(0, limit - entry.count), untilMs: entry.windowStart + windowMs };
  }

  /** Count one request, or throw 420 when the window's quota is used up. */
  consume(
    businessId: number,
    operation: Operation,
    limit: number,
    now: number,
    windowMs: number,
  ): QuotaState {
    const entry = this.#entry(businessId, operation, now, windowMs);
    if (entry.count >= limit) {
      throw new YandexHttpError(
        420,
        `Hit rate limit of ${limit} requests per ${windowMs >= 3_600_000 ? 'hour' : `${windowMs} ms`} for ${operation} (businessId ${businessId})`,
      );
    }
    entry.count += 1;
    return { limit, remaining: limit - entry.count, untilMs: entry.windowStart + windowMs };
  }

  clear(): void {
    this.#used.clear();
  }
}

export function rateLimitHeaders(state: QuotaState): Record<string, string> {
  return {
    'X-RateLimit-Resource-Limit': String(state.limit),
    'X-RateLimit-Resource-Until': rfc822(state.untilMs),
    'X-RateLimit-Resource-Remaining': String(state.remaining),
  };
}
