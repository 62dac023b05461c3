import type { Clock } from '../../http/clock.js';
import type { HttpClient, RequestSpec } from '../../http/request.js';
import { parseHttpDate } from '../../time/http-date.js';

export interface ClockOffsetTracker {
  /** The same client; every response's Date header updates the offset. */
  http: HttpClient;
  /** Marketplace clock minus local clock in ms, from the latest response; undefined until one arrives. */
  offsetMs(): number | undefined;
}

/**
 * Learns how far the marketplace clock is from ours, so "messages created since I sent" can be
 * asked in the marketplace's time (sendOnce). Date headers have one-second resolution: callers
 * keep a margin.
 */
export function trackClockOffset(http: HttpClient, clock: Clock): ClockOffsetTracker {
  let offset: number | undefined;
  return {
    offsetMs: () => offset,
    http: {
      marketplace: http.marketplace,
      baseUrl: http.baseUrl,
      async request<T>(spec: RequestSpec) {
        const result = await http.request<T>(spec);
        const date = result.headers.date;
        const at = date === undefined ? undefined : parseHttpDate(date);
        if (at !== undefined) offset = at - clock.now();
        return result;
      },
    },
  };
}
