const MSK_OFFSET_MS = 3 * 60 * 60 * 1000;

/**
 * REST times as the spec's examples write them: ISO 8601 with a +03:00 offset and no fraction
 * (`2017-11-21T00:00:00+03:00`), so clients that only parse `Z` are caught.
 */
export function restTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + MSK_OFFSET_MS).toISOString().slice(0, 19)}+03:00`;
}

/** Push times as the notification spec's examples write them: UTC with milliseconds. */
export function pushTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** RFC 822 date for X-RateLimit-Resource-Until, e.g. `Thu, 10 Jul 2018 00:42:42 GMT`. */
export function rfc822(ms: number): string {
  return new Date(ms).toUTCString();
}
